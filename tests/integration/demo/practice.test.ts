import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { demoAccounts } from '../../../src/lib/server/demo/accounts';
import { seedDemoExams } from '../../../src/lib/server/demo/exams';
import { seedDemoOnboarding } from '../../../src/lib/server/demo/onboarding';
import { seedDemoPractice } from '../../../src/lib/server/demo/practice';
import { seedDemoQuestionBanks } from '../../../src/lib/server/demo/questions';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { asUser } from '../../../src/lib/server/demo/onboarding-events';
import { seedDemoSpot } from '../../../src/lib/server/demo/spot';
import { selectStaffRow } from '../../../src/lib/server/org/service';
import { getNotebook, getPracticeHome, listMocks } from '../../../src/lib/server/practice/service';
import { listBanks } from '../../../src/lib/server/questions/service';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import { createTestApp } from '../../helpers/app';

describe('demo practice', { timeout: 300_000 }, () => {
	it('keeps the certification bank closed and the 抽考 bank open, and gives tellers notebooks and practice history', async () => {
		const app = await createTestApp({}, '2026-06-17T02:00:00Z');
		await syncCourses(app, loadContent(path.resolve('content')));
		await seedDemoIfEmpty(app);
		await seedDemoOnboarding(app);
		await seedDemoQuestionBanks(app);
		await seedDemoExams(app);
		await seedDemoSpot(app);
		await seedDemoPractice(app);
		const banks = new Map((await listBanks(app, SYSTEM_ACTOR)).map((b) => [b.name, b]));
		expect(banks.get('储蓄业务鉴定题库')?.practiceOpen).toBe(false);
		expect(banks.get('储蓄业务')?.practiceOpen).toBe(true);
		const teller = demoAccounts().find((a) => a.journey === 'teller')!;
		const row = (await selectStaffRow(app.db, teller.employeeNo))!;
		const user = asUser({ ...row, roles: ['learner'] });
		const notebook = await getNotebook(app, user, { bankId: null, knowledgePoint: null });
		expect(notebook.total).toBeGreaterThan(0);
		expect(notebook.items.some((i) => i.knowledgePoints.length > 0)).toBe(true);
		const home = await getPracticeHome(app, user);
		expect(home.recent.length).toBeGreaterThanOrEqual(4);
		expect(home.recent[0]).toMatchObject({ mode: 'sequential', open: true });
		expect(home.banks.map((b) => b.name)).not.toContain('储蓄业务鉴定题库');
		// The spot exam (open bank) can be mocked; the certification (closed bank) cannot.
		const mocks = (await listMocks(app, user)).map((m) => m.title);
		expect(mocks).not.toContain('储蓄业务职业鉴定');
		expect(mocks.length).toBeGreaterThan(0);
	});
});
