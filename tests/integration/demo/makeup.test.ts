import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { spotCampaign, staff } from '../../../src/lib/server/db/schema';
import { DEMO_MAKEUP_EXAM, seedDemoMakeup } from '../../../src/lib/server/demo/makeup';
import { seedDemoQuestionBanks } from '../../../src/lib/server/demo/questions';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { selectRolesOf } from '../../../src/lib/server/org/service';
import { getMakeupList, mySpotExams } from '../../../src/lib/server/spot/service';
import { createTestApp, type TestApp } from '../../helpers/app';

async function userOf(app: TestApp, employeeNo: string): Promise<SessionUser> {
	const row = (await app.db.select().from(staff).all()).find((s) => s.employeeNo === employeeNo)!;
	const roles = (await selectRolesOf(app.db, [row.id])).get(row.id) ?? [];
	return { ...row, roles, mustChangePassword: false, locale: null };
}

describe('demo make-up exam', { timeout: 180_000 }, () => {
	it('has a failed examinee mid-way through the make-up, and seeds once', async () => {
		const app = await createTestApp({}, '2026-06-17T02:00:00Z');
		await syncCourses(app, loadContent(path.resolve('content')));
		await seedDemoIfEmpty(app);
		await seedDemoQuestionBanks(app);
		await seedDemoMakeup(app);
		await seedDemoMakeup(app);
		const campaigns = (await app.db.select().from(spotCampaign).all()).filter((c) =>
			c.title.endsWith(DEMO_MAKEUP_EXAM)
		);
		expect(campaigns).toHaveLength(1);
		const hr = await userOf(app, 'YZ0002');
		const { rows } = await getMakeupList(app, hr, campaigns[0]!.id);
		expect(rows.map((r) => `${r.remedial}/${r.result}`).sort()).toEqual([
			'done/awaitingRetest',
			'done/passed',
			'notDone/awaitingRetest'
		]);
		const waiting = await userOf(app, rows.find((r) => r.remedial === 'notDone')!.employeeNo);
		expect((await mySpotExams(app, waiting))[0]).toMatchObject({
			status: 'failed',
			block: 'remedialFirst'
		});
		const ready = await userOf(
			app,
			rows.find((r) => r.remedial === 'done' && r.result === 'awaitingRetest')!.employeeNo
		);
		expect((await mySpotExams(app, ready))[0]).toMatchObject({ status: 'failed', block: null });
	});
});
