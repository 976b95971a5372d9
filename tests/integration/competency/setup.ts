import { toSessionUser, type SessionUser } from '../../../src/lib/server/auth/session';
import { defineCompetency, addRule } from '../../../src/lib/server/competency/service';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { submitAttempt } from '../../../src/lib/server/exams/submit';
import type { Attempt } from '../../../src/lib/server/db/schema';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

export interface CompetencyWorld {
	app: TestApp;
	hr: SessionUser;
	manager: SessionUser;
	otherManager: SessionUser;
	teller: SessionUser;
	colleague: SessionUser;
	counter: number;
	/** Sits an exam of `purpose` and passes or fails it (pass mark 0 or over 100). */
	sit(user: SessionUser, purpose: 'spot' | 'certification', pass: boolean): Promise<Attempt>;
}

/** Two branches, HR, a manager each, a teller with a colleague; SAV-COUNTER driven by exams. */
export async function competencyWorld(): Promise<CompetencyWorld> {
	const app = await createTestApp();
	const home = (await makeBranch(app)).id;
	const away = (await makeBranch(app)).id;
	const hr = toSessionUser(await makeStaff(app, { branchId: home, roles: ['hr'] }), ['hr']);
	const manager = toSessionUser(await makeStaff(app, { branchId: home }), ['branch_manager']);
	const otherManager = toSessionUser(await makeStaff(app, { branchId: away }), ['branch_manager']);
	const teller = toSessionUser(await makeStaff(app, { branchId: home, name: '王芳' }), ['learner']);
	const colleague = toSessionUser(await makeStaff(app, { branchId: away }), ['learner']);
	const counter = (
		await defineCompetency(app, hr, {
			code: 'SAV-COUNTER',
			name: '储蓄柜面业务',
			validityMonths: 24
		})
	).id;
	await addRule(app, hr, {
		competencyId: counter,
		trigger: 'exam_pass',
		examPurpose: 'certification'
	});
	await addRule(app, hr, { competencyId: counter, trigger: 'exam_pass', examPurpose: 'spot' });
	await addRule(app, hr, { competencyId: counter, trigger: 'spot_fail', examPurpose: 'spot' });
	const bank = await makeBank(app);
	const exams = {
		spot: [
			await makeExam(app, bank, { purpose: 'spot', passMark: 0, attemptsAllowed: 9 }),
			await makeExam(app, bank, { purpose: 'spot', passMark: 101, attemptsAllowed: 9 })
		],
		certification: [
			await makeExam(app, bank, { passMark: 0, attemptsAllowed: 9 }),
			await makeExam(app, bank, { passMark: 101, attemptsAllowed: 9 })
		]
	};
	const sit = async (
		user: SessionUser,
		purpose: 'spot' | 'certification',
		pass: boolean
	): Promise<Attempt> => {
		const examId = exams[purpose][pass ? 0 : 1]!;
		const a = await startAttempt(app, user, examId, { isEligible: () => true });
		return await submitAttempt(app, user, a.id);
	};
	return { app, hr, manager, otherManager, teller, colleague, counter, sit };
}

/** The message key a refusal carries. */
export async function refusal(work: () => unknown): Promise<string> {
	try {
		await work();
	} catch (e) {
		return (e as { problems?: { key: string }[] }).problems?.[0]?.key ?? String(e);
	}
	return 'no refusal';
}
