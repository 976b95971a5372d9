import { rows } from '../../../src/lib/server/db';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { verifyCertificate } from '../../../src/lib/server/competency/certificates';
import { listExpiring } from '../../../src/lib/server/competency/expiring';
import { getRecord } from '../../../src/lib/server/competency/record';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { certificate, competencyRule, staff, staffRole } from '../../../src/lib/server/db/schema';
import { demoAccounts } from '../../../src/lib/server/demo/accounts';
import { seedDemoCompetencies } from '../../../src/lib/server/demo/competency';
import { seedDemoExams } from '../../../src/lib/server/demo/exams';
import { seedDemoLearning } from '../../../src/lib/server/demo/learning';
import { seedDemoOnboarding } from '../../../src/lib/server/demo/onboarding';
import { seedDemoQuestionBanks } from '../../../src/lib/server/demo/questions';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../helpers/app';

async function seeded(): Promise<TestApp> {
	const app = await createTestApp({}, '2026-06-17T02:00:00Z');
	await syncCourses(app, loadContent(path.resolve('content')));
	await seedDemoIfEmpty(app);
	await seedDemoCompetencies(app);
	await seedDemoOnboarding(app);
	await seedDemoLearning(app);
	await seedDemoQuestionBanks(app);
	await seedDemoExams(app);
	return app;
}

async function userOf(app: TestApp, employeeNo: string) {
	const row = (await app.db.select().from(staff).where(eq(staff.employeeNo, employeeNo)).get())!;
	const roles = await app.db.select().from(staffRole).where(eq(staffRole.staffId, row.id)).all();
	return toSessionUser(
		row,
		roles.map((r) => r.role)
	);
}

// Seeding a year of demo history takes well over the default 20 s on a loaded machine.
describe('demo competencies', { timeout: 180_000 }, () => {
	it('defines the framework, and the certification round issues certificates through the rules', async () => {
		const app = await seeded();
		const accounts = Object.fromEntries(demoAccounts().map((a) => [a.journey, a.employeeNo]));
		const hr = await userOf(app, accounts.hr!);
		const record = await getRecord(app, hr, (await userOf(app, accounts.teller!)).id);
		expect(record.competencies.map((c) => c.name).sort()).toEqual(
			['储蓄柜面业务', '反洗钱', '内控合规', '客服座席', '服务规范'].sort()
		);
		expect(await app.db.select().from(competencyRule).all()).toHaveLength(5);
		const certs = await app.db.select().from(certificate).all();
		const fromExams = certs.filter((c) => c.attemptId !== null);
		// 37 of the 40 sitters pass the certification: ~92%.
		expect(fromExams).toHaveLength(37);
		expect((await verifyCertificate(app, fromExams[0]!.verificationCode)).status).toBe('valid');
		// The journey teller holds an older 反洗钱 certificate that lapses soon.
		expect(
			record.certificates.some((c) => c.competencyName === '反洗钱' && c.status === 'valid')
		).toBe(true);
		expect(record.competencies.find((c) => c.code === 'AML')).toMatchObject({
			status: 'competent',
			expiringSoon: true
		});
	});

	it('fills the expiring lists for 30 and 60 days', async () => {
		const app = await seeded();
		const hr = await userOf(app, demoAccounts().find((a) => a.journey === 'hr')!.employeeNo);
		const in30 = await listExpiring(app, hr, { days: 30 });
		const in60 = await listExpiring(app, hr, { days: 60 });
		expect(in30.certificates.length).toBeGreaterThanOrEqual(2);
		expect(in60.certificates.length).toBeGreaterThan(in30.certificates.length);
		expect(in60.competencies.length).toBeGreaterThanOrEqual(in30.competencies.length);
	});

	it('grants the onboarding and course competencies as those demos complete them', async () => {
		const app = await seeded();
		const events = (await rows(
			app.db,
			`select c.code, count(*) n from competency_event e join competency c on c.id = e.competency_id group by c.code`
		)) as { code: string; n: number }[];
		const count = Object.fromEntries(events.map((e) => [e.code, e.n]));
		expect(count['SERVICE'] ?? 0).toBeGreaterThan(0);
		expect(count['SAV-COUNTER'] ?? 0).toBeGreaterThan(0);
		expect(count['COMPLIANCE'] ?? 0).toBeGreaterThan(0);
	});
});
