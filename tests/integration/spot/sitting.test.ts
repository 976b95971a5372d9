import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { submitAttempt } from '../../../src/lib/server/exams/submit';
import { createCampaign, drawCampaign } from '../../../src/lib/server/spot/campaigns';
import { mySpotExams, startSpotAttempt } from '../../../src/lib/server/spot/sitting';
import { getCampaignView } from '../../../src/lib/server/spot/views';
import { createTestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

const HOUR = 3_600_000;

async function passedSitter() {
	const app = await createTestApp();
	const branch = await makeBranch(app);
	const hrStaff = await makeStaff(app, {
		branchId: branch.id,
		position: '人力资源',
		roles: ['hr']
	});
	const hr: SessionUser = { ...hrStaff, roles: ['hr'], mustChangePassword: false, locale: null };
	const tellers: SessionUser[] = [];
	for (let i = 0; i < 2; i++) {
		const s = await makeStaff(app, { branchId: branch.id });
		tellers.push({ ...s, roles: ['learner'], mustChangePassword: false, locale: null });
	}
	// A pass mark of 0: whatever is handed in passes.
	const examId = await makeExam(app, await makeBank(app, 5), { purpose: 'spot', passMark: 0 });
	const now = app.clock.now();
	const id = await createCampaign(app, hr, {
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
		retestsAllowed: 2,
		remedialCourseId: null,
		remedialLessonKey: null
	});
	await drawCampaign(app, hr, id, () => 'seed');
	app.clock.advance(2 * HOUR);
	const drawn = (await getCampaignView(app, hr, id)).people.find((p) => p.role === 'drawn')!;
	const sitter = tellers.find((t) => t.id === drawn.staffId)!;
	await submitAttempt(app, sitter, (await startSpotAttempt(app, sitter, id)).id);
	return { app, id, sitter };
}

describe('sitting a spot exam', () => {
	it('refuses another attempt to a person who has passed, even with retests left', async () => {
		const { app, id, sitter } = await passedSitter();
		expect((await mySpotExams(app, sitter))[0]).toMatchObject({
			status: 'passed',
			block: 'passed'
		});
		// What a posted ?/start calls: refused with the reason, and no attempt is created.
		await expect(startSpotAttempt(app, sitter, id)).rejects.toThrow('spot.error.alreadyPassed');
		expect((await mySpotExams(app, sitter))[0]).toMatchObject({
			status: 'passed',
			attemptsUsed: 1
		});
	});
});
