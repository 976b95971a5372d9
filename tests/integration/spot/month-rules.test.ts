import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { submitAttempt } from '../../../src/lib/server/exams/submit';
import {
	createCampaign,
	drawCampaign,
	type CampaignInput
} from '../../../src/lib/server/spot/campaigns';
import { campaignInputFromForm } from '../../../src/lib/server/spot/form';
import { startSpotAttempt } from '../../../src/lib/server/spot/sitting';
import { getCampaignView, listCampaigns } from '../../../src/lib/server/spot/views';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

const HOUR = 3_600_000;

const asUser = (s: Awaited<ReturnType<typeof makeStaff>>, roles: SessionUser['roles']) =>
	({ ...s, roles, mustChangePassword: false, locale: null }) as SessionUser;

async function office() {
	const app = await createTestApp();
	const branch = await makeBranch(app, { code: 'S01' });
	const hr = asUser(
		await makeStaff(app, { branchId: branch.id, position: '人力资源', roles: ['hr'] }),
		['hr']
	);
	const tellers: SessionUser[] = [];
	for (let i = 0; i < 3; i++) {
		tellers.push(asUser(await makeStaff(app, { branchId: branch.id }), ['learner']));
	}
	await makeStaff(app, { branchId: branch.id, position: '客户经理' });
	const examId = await makeExam(app, await makeBank(app, 5), { purpose: 'spot', passMark: 0 });
	return { app, hr, tellers, examId };
}

function input(app: TestApp, examId: number, over: Partial<CampaignInput> = {}): CampaignInput {
	const now = app.clock.now();
	return {
		examId,
		title: '三月抽考',
		month: '2026-03',
		windowOpensAt: now + HOUR,
		windowClosesAt: now + 48 * HOUR,
		positions: ['储蓄员'],
		branchIds: [],
		sampleMode: 'percent',
		sampleValue: 100,
		excludeMonths: 0,
		alternatesPerBranch: 0,
		retestsAllowed: 0,
		remedialCourseId: null,
		remedialLessonKey: null,
		...over
	};
}

describe('a second spot campaign for the same month and position', () => {
	it('is refused, naming the first, unless HR confirms it', async () => {
		const { app, hr, examId } = await office();
		await createCampaign(app, hr, input(app, examId));
		const again = createCampaign(app, hr, input(app, examId, { title: '三月补抽' }));
		await expect(again).rejects.toMatchObject({
			problems: [
				{
					key: 'spot.error.duplicate',
					field: 'confirmDuplicate',
					params: { titles: '「三月抽考」' }
				}
			]
		});
		// "All positions" overlaps every position.
		await expect(
			createCampaign(app, hr, input(app, examId, { title: '全员', positions: [] }))
		).rejects.toThrow('spot.error.duplicate');
		expect(await listCampaigns(app, hr)).toHaveLength(1);

		const id = await createCampaign(
			app,
			hr,
			input(app, examId, { title: '三月补抽', confirmDuplicate: true })
		);
		expect((await getCampaignView(app, hr, id)).campaign.title).toBe('三月补抽');
		// Another month, or another position, needs no confirmation.
		await createCampaign(app, hr, input(app, examId, { title: '四月', month: '2026-04' }));
		await createCampaign(app, hr, input(app, examId, { title: '经理', positions: ['客户经理'] }));
		expect(await listCampaigns(app, hr)).toHaveLength(4);
	});

	it('reads the confirmation from the form only when the box is ticked', () => {
		const form = new FormData();
		form.set('month', '2026-03');
		expect(campaignInputFromForm(form).confirmDuplicate).toBe(false);
		form.set('confirmDuplicate', 'yes');
		expect(campaignInputFromForm(form).confirmDuplicate).toBe(true);
	});
});

describe('a drawn person who never sat', () => {
	it('is pending while the window is open and absent (缺考) once it has closed', async () => {
		const { app, hr, tellers, examId } = await office();
		const id = await createCampaign(app, hr, input(app, examId));
		await drawCampaign(app, hr, id, () => 'seed');
		app.clock.advance(2 * HOUR);
		const [sitter, ...others] = tellers;
		await submitAttempt(app, sitter!, (await startSpotAttempt(app, sitter!, id)).id);

		const status = async () =>
			Object.fromEntries(
				(await getCampaignView(app, hr, id)).people.map((p) => [p.staffId, p.status])
			);
		expect(await status()).toEqual({
			[sitter!.id]: 'passed',
			[others[0]!.id]: 'pending',
			[others[1]!.id]: 'pending'
		});
		app.clock.advance(48 * HOUR);
		expect(await status()).toEqual({
			[sitter!.id]: 'passed',
			[others[0]!.id]: 'absent',
			[others[1]!.id]: 'absent'
		});
		const view = await getCampaignView(app, hr, id);
		expect(view.total).toMatchObject({ absent: 2, pending: 0, sat: 1 });
	});
});
