import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { extraTime } from '../../../src/lib/server/db/schema';
import { Invalid } from '../../../src/lib/server/errors';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { grantExtraTime } from '../../../src/lib/server/exams/extra-time';
import { createTestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

describe('extra exam time', () => {
	it('refuses a trainer granting extra time to themselves, and leaves their deadline alone', async () => {
		const app = await createTestApp();
		const branchId = (await makeBranch(app)).id;
		const trainer = toSessionUser(await makeStaff(app, { branchId }), ['learner', 'trainer']);
		const hr = toSessionUser(await makeStaff(app, { branchId }), ['hr']);
		const examId = await makeExam(app, await makeBank(app));
		const mine = await startAttempt(app, trainer, examId);
		const ask = {
			examId,
			employeeNo: ` ${trainer.employeeNo} `,
			minutes: 60,
			reason: '需要更多时间'
		};
		try {
			await grantExtraTime(app, trainer, ask);
			expect.fail('granted extra time to oneself');
		} catch (e) {
			expect(e).toBeInstanceOf(Invalid);
			expect((e as Invalid).problems[0]?.key).toBe('exams.error.extraTimeSelf');
		}
		expect(await app.db.select().from(extraTime).all()).toHaveLength(0);
		expect((await startAttempt(app, trainer, examId)).deadline).toBe(mine.deadline);
		// Someone else may grant it.
		expect((await grantExtraTime(app, hr, ask)).deadline).toBe(mine.deadline! + 60 * 60_000);
	});
});
