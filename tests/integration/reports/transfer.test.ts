import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { rows } from '../../../src/lib/server/db';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { submitAttempt } from '../../../src/lib/server/exams/submit';
import { getStaffProfile } from '../../../src/lib/server/org/service';
import { rebuildAttemptSummary } from '../../../src/lib/server/reports/attempt-summary';
import { runReport, runReportAsync } from '../../../src/lib/server/reports/service';
import { commitRosterImport, previewRosterImport } from '../../../src/lib/server/roster/service';
import { createCampaign, drawCampaign } from '../../../src/lib/server/spot/campaigns';
import { startSpotAttempt } from '../../../src/lib/server/spot/sitting';
import type { ReportFilters } from '../../../src/lib/reports/types';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

const HOUR = 3_600_000;
const FEBRUARY: ReportFilters = {
	from: '2026-02',
	to: '2026-02',
	branchCode: null,
	position: null,
	groupBy: 'branch'
};

const asUser = (s: Awaited<ReturnType<typeof makeStaff>>, roles: SessionUser['roles']) =>
	({ ...s, roles, mustChangePassword: false, locale: null }) as SessionUser;

const summary = async (app: TestApp) =>
	await rows(
		app.db,
		`select exam_id as "examId", month, branch_id as "branchId", sat, passed
		 from attempt_month_summary order by exam_id, month, branch_id`
	);

/**
 * February: a spot exam of every teller (T1 and T3 sit and pass, T2 never sits) and a
 * certification T1 passes, all in S01 except T3 in S02. Then, in March, a roster import moves T1
 * to S02 as a customer manager from 1 March.
 */
async function februaryThenTransfer() {
	const app = await createTestApp({}, '2026-02-10T01:00:00Z');
	const s01 = await makeBranch(app, { code: 'S01', name: '一支局', type: 'head_office' });
	const s02 = await makeBranch(app, { code: 'S02', name: '二支局' });
	const hr = asUser(
		await makeStaff(app, {
			branchId: s01.id,
			employeeNo: 'H1',
			position: '人力资源',
			roles: ['hr']
		}),
		['hr']
	);
	const teller = async (branchId: number, employeeNo: string) =>
		asUser(await makeStaff(app, { branchId, employeeNo, name: `员工${employeeNo}` }), ['learner']);
	const t1 = await teller(s01.id, 'T1');
	const t2 = await teller(s01.id, 'T2');
	const t3 = await teller(s02.id, 'T3');
	const bank = await makeBank(app, 5);
	const spotExam = await makeExam(app, bank, { purpose: 'spot', passMark: 0 });
	const certExam = await makeExam(app, bank, { purpose: 'certification', passMark: 0 });
	const now = app.clock.now();
	const campaign = await createCampaign(app, hr, {
		examId: spotExam,
		title: '二月抽考',
		month: '2026-02',
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
		remedialLessonKey: null
	});
	await drawCampaign(app, hr, campaign, () => 'seed');
	app.clock.advance(2 * HOUR);
	for (const sitter of [t1, t3]) {
		await submitAttempt(app, sitter, (await startSpotAttempt(app, sitter, campaign)).id);
	}
	await submitAttempt(app, t1, (await startAttempt(app, t1, certExam)).id);
	return { app, s01, s02, hr, t1, t2, t3, certExam };
}

async function transfer(app: TestApp, hr: SessionUser, ...lines: string[]): Promise<void> {
	const file = ['工号,姓名,机构代码,岗位,生效日期', ...lines].join('\r\n');
	const { importId, problems } = await previewRosterImport(app, hr, {
		fileName: 'transfer.csv',
		bytes: new TextEncoder().encode(file)
	});
	expect(problems).toEqual([]);
	await commitRosterImport(app, hr, importId!);
}

describe('results stay where they happened', () => {
	it("keeps last month's branch pass rates after a transfer, live and after a rebuild", async () => {
		const { app, hr, certExam, t1, s02 } = await februaryThenTransfer();
		const passRates = async () => (await runReport(app, hr, 'pass-rates', FEBRUARY)).rows;
		const passRatesAsync = async () => (await runReportAsync(app, hr, 'pass-rates', FEBRUARY)).rows;
		const certification = async () =>
			(await runReport(app, hr, 'certification', { ...FEBRUARY, groupBy: 'branch_month' })).rows;

		const before = {
			passRates: await passRates(),
			certification: await certification(),
			summary: await summary(app)
		};
		// S01 drew T1 and T2 (one sat and passed); S02 drew T3, who passed.
		expect(before.passRates).toMatchObject([
			{ branchCode: 'S01', drawn: 2, sat: 1, passed: 1 },
			{ branchCode: 'S02', drawn: 1, sat: 1, passed: 1 }
		]);
		expect(before.certification).toMatchObject([{ branchCode: 'S01', sat: 1, passed: 1 }]);

		app.clock.set('2026-03-05T02:00:00Z');
		await transfer(app, hr, 'T1,员工T1,S02,客户经理,2026-03-01');

		expect(await passRates()).toEqual(before.passRates);
		expect(await passRatesAsync()).toEqual(before.passRates);
		expect(await certification()).toEqual(before.certification);
		expect(await summary(app)).toEqual(before.summary);
		await rebuildAttemptSummary(app.db);
		expect(await summary(app)).toEqual(before.summary);
		expect(await certification()).toEqual(before.certification);
		// Narrowed to February's position, T1's results are still there; to the new one, not.
		const asTeller = await runReport(app, hr, 'pass-rates', { ...FEBRUARY, position: '储蓄员' });
		expect(asTeller.rows).toEqual(before.passRates);
		const asManager = await runReport(app, hr, 'pass-rates', { ...FEBRUARY, position: '客户经理' });
		expect(asManager.rows).toEqual([]);

		// What T1 sits from now on counts where they are now, live and rebuilt alike.
		const march = await startAttempt(app, t1, certExam);
		await submitAttempt(app, t1, march.id);
		const live = await summary(app);
		expect(live).toContainEqual({
			examId: certExam,
			month: '2026-03',
			branchId: s02.id,
			sat: 1,
			passed: 1
		});
		await rebuildAttemptSummary(app.db);
		expect(await summary(app)).toEqual(live);
	});

	it("records the move in the person's history, effective from the file's date or the import day", async () => {
		const { app, hr } = await februaryThenTransfer();
		app.clock.set('2026-03-05T02:00:00Z');
		await transfer(app, hr, 'T1,员工T1,S02,客户经理,2026-03-01', 'T2,员工T2,S01,储蓄员,');
		app.clock.set('2026-04-10T02:00:00Z');
		await transfer(app, hr, 'T2,员工T2,S02,储蓄员,');

		const t1 = await getStaffProfile(app, hr, 'T1');
		expect(t1.history).toEqual([
			{
				effectiveOn: '2026-03-01',
				fromBranchCode: 'S01',
				fromBranchName: '一支局',
				toBranchCode: 'S02',
				toBranchName: '二支局',
				fromPosition: '储蓄员',
				toPosition: '客户经理',
				fromImport: true
			}
		]);
		// No column value: the import's office day. An unchanged row records nothing.
		const t2 = await getStaffProfile(app, hr, 'T2');
		expect(t2.history.map((h) => [h.effectiveOn, h.fromBranchCode, h.toBranchCode])).toEqual([
			['2026-04-10', 'S01', 'S02']
		]);
		expect((await getStaffProfile(app, hr, 'T3')).history).toEqual([]);
	});

	it('refuses an impossible effective date and writes nothing', async () => {
		const { app, hr } = await februaryThenTransfer();
		const { problems } = await previewRosterImport(app, hr, {
			fileName: 'transfer.csv',
			bytes: new TextEncoder().encode(
				'工号,姓名,机构代码,岗位,生效日期\r\nT1,员工T1,S02,储蓄员,2026-02-30'
			)
		});
		expect(problems.map((p) => p.key)).toEqual(['roster.error.dateImpossible']);
		expect((await getStaffProfile(app, hr, 'T1')).history).toEqual([]);
	});
});
