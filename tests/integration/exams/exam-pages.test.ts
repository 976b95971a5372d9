import { describe, expect, it } from 'vitest';
import {
	getExamLanding,
	listMyExams,
	startFromLanding
} from '../../../src/lib/server/exams/service';
import { makeBank, makeExam } from '../../helpers/exams';
import { office, openDefaultPlan } from '../onboarding/setup';

describe('the exam pages a teller sees', () => {
	it('offers the onboarding exam to new hires only, on the list and at the start', async () => {
		const o = await office();
		const examId = await makeExam(o.app, await makeBank(o.app, 5), {
			purpose: 'onboarding',
			attemptsAllowed: 2
		});
		await openDefaultPlan(o);
		expect((await listMyExams(o.app, o.newHire.user)).map((e) => e.id)).toContain(examId);
		expect((await getExamLanding(o.app, o.newHire.user, examId)).blocked).toBeNull();

		expect((await listMyExams(o.app, o.teller.user)).map((e) => e.id)).not.toContain(examId);
		expect((await getExamLanding(o.app, o.teller.user, examId)).blocked).toBe('notNewHire');
		await expect(startFromLanding(o.app, o.teller.user, examId)).rejects.toThrow('not a new hire');
		expect((await startFromLanding(o.app, o.newHire.user, examId)).status).toBe('open');
	});

	it('states the integrity rules of a formal exam on its intro, and none for practice', async () => {
		const o = await office();
		const bank = await makeBank(o.app, 5);
		const formal = await makeExam(o.app, bank, {
			purpose: 'certification',
			attemptsAllowed: 1,
			switchLimit: 3,
			requireFullscreen: true
		});
		const practice = await makeExam(o.app, bank, { purpose: 'practice', attemptsAllowed: null });
		expect((await getExamLanding(o.app, o.teller.user, formal)).integrity).toEqual({
			switchLimit: 3,
			requireFullscreen: true,
			blockCopy: true
		});
		expect((await getExamLanding(o.app, o.teller.user, practice)).integrity).toBeNull();
	});
});
