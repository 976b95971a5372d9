import { eq } from 'drizzle-orm';
import { selectRoles } from '../../../src/lib/server/auth/service';
import { toSessionUser, type SessionUser } from '../../../src/lib/server/auth/session';
import type { Role } from '../../../src/lib/org/enums';
import { staff } from '../../../src/lib/server/db/schema';
import type { QuestionInput } from '../../../src/lib/server/questions/service';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

export const CSV_HEADER = '编号,题库,题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度,知识点';

export const file = (
	fileName: string,
	...lines: string[]
): { fileName: string; bytes: Uint8Array } => ({
	fileName,
	bytes: new TextEncoder().encode(lines.join('\r\n'))
});

async function userWith(app: TestApp, branchId: number, roles: Role[]): Promise<SessionUser> {
	const row = await makeStaff(app, { branchId, roles });
	const fresh = await app.db.select().from(staff).where(eq(staff.id, row.id)).get();
	if (!fresh) throw new Error('staff vanished');
	return toSessionUser(fresh, await selectRoles(app.db, row.id));
}

/** An office with a trainer, a learner and a branch manager. */
export async function seedTrainingOffice() {
	const app = await createTestApp();
	const branch = await makeBranch(app, { code: 'B000', type: 'head_office' });
	return {
		app,
		trainer: await userWith(app, branch.id, ['trainer']),
		learner: await userWith(app, branch.id, ['learner']),
		manager: await userWith(app, branch.id, ['branch_manager'])
	};
}

export function singleChoice(stem = '储蓄存款的原则是（ ）。'): QuestionInput {
	return {
		externalId: null,
		category: null,
		type: 'single',
		format: 'markdown',
		stem,
		options: [
			{ key: 'A', text: '存款自愿', correct: true, weight: null, feedback: null },
			{ key: 'B', text: '取款审批', correct: false, weight: null, feedback: null }
		],
		correctBoolean: null,
		acceptedAnswers: [],
		explanation: '',
		difficulty: 2,
		tags: ['储蓄原则'],
		competency: null
	};
}
