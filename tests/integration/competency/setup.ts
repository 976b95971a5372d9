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
	sit(user: SessionUser, purpose: 'spot' | 'certification', pass: boolean): Attempt;
}

/** Two branches, HR, a manager each, a teller with a colleague; SAV-COUNTER driven by exams. */
export async function competencyWorld(): Promise<CompetencyWorld> {
	const app = createTestApp();
	const home = makeBranch(app).id;
	const away = makeBranch(app).id;
	const hr = toSessionUser(await makeStaff(app, { branchId: home, roles: ['hr'] }), ['hr']);
	const manager = toSessionUser(await makeStaff(app, { branchId: home }), ['branch_manager']);
	const otherManager = toSessionUser(await makeStaff(app, { branchId: away }), ['branch_manager']);
	const teller = toSessionUser(await makeStaff(app, { branchId: home, name: '王芳' }), ['learner']);
	const colleague = toSessionUser(await makeStaff(app, { branchId: away }), ['learner']);
	const counter = defineCompetency(app, hr, {
		code: 'SAV-COUNTER',
		name: '储蓄柜面业务',
		validityMonths: 24
	}).id;
	addRule(app, hr, { competencyId: counter, trigger: 'exam_pass', examPurpose: 'certification' });
	addRule(app, hr, { competencyId: counter, trigger: 'exam_pass', examPurpose: 'spot' });
	addRule(app, hr, { competencyId: counter, trigger: 'spot_fail', examPurpose: 'spot' });
	const bank = makeBank(app);
	const exams = {
		spot: [
			makeExam(app, bank, { purpose: 'spot', passMark: 0, attemptsAllowed: 9 }),
			makeExam(app, bank, { purpose: 'spot', passMark: 101, attemptsAllowed: 9 })
		],
		certification: [
			makeExam(app, bank, { passMark: 0, attemptsAllowed: 9 }),
			makeExam(app, bank, { passMark: 101, attemptsAllowed: 9 })
		]
	};
	const sit = (user: SessionUser, purpose: 'spot' | 'certification', pass: boolean): Attempt => {
		const examId = exams[purpose][pass ? 0 : 1]!;
		const a = startAttempt(app, user, examId, { isEligible: () => true });
		return submitAttempt(app, user, a.id);
	};
	return { app, hr, manager, otherManager, teller, colleague, counter, sit };
}

/** The message key a refusal carries. */
export function refusal(work: () => unknown): string {
	try {
		work();
	} catch (e) {
		return (e as { problems?: { key: string }[] }).problems?.[0]?.key ?? String(e);
	}
	return 'no refusal';
}
