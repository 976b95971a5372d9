import { eq } from 'drizzle-orm';
import { toSessionUser, type SessionUser } from '../../../src/lib/server/auth/session';
import { selectRoles } from '../../../src/lib/server/auth/service';
import { branch, staff } from '../../../src/lib/server/db/schema';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

export const HEADER = '工号,姓名,机构代码,机构名称,机构类型,岗位,入职日期,角色,状态';

export const csv = (...lines: string[]): { fileName: string; bytes: Uint8Array } => ({
	fileName: 'roster.csv',
	bytes: new TextEncoder().encode(lines.join('\r\n'))
});

export async function sessionUser(app: TestApp, staffId: number): Promise<SessionUser> {
	const row = await app.db.select().from(staff).where(eq(staff.id, staffId)).get();
	if (!row) throw new Error(`no staff ${staffId}`);
	return toSessionUser(row, await selectRoles(app.db, staffId));
}

/** A head office with one HR person, and a rural branch with a teller and its manager. */
export async function seedOffice() {
	const app = await createTestApp();
	const head = await makeBranch(app, { code: 'B000', name: '县支行营业部', type: 'head_office' });
	const rural = await makeBranch(app, { code: 'B001', name: '河口支局', type: 'rural' });
	const hrRow = await makeStaff(app, {
		employeeNo: 'H001',
		name: '人事甲',
		branchId: head.id,
		position: '人事专员',
		roles: ['hr']
	});
	const teller = await makeStaff(app, {
		employeeNo: 'T001',
		name: '储蓄员乙',
		branchId: rural.id,
		position: '储蓄员',
		roles: ['learner']
	});
	const manager = await makeStaff(app, {
		employeeNo: 'M001',
		name: '支局长丙',
		branchId: rural.id,
		position: '支局长',
		roles: ['learner', 'branch_manager']
	});
	return {
		app,
		head,
		rural,
		hr: await sessionUser(app, hrRow.id),
		teller: await sessionUser(app, teller.id),
		manager: await sessionUser(app, manager.id)
	};
}

/** An administrator (roles hr and admin) at the head office, as a signed-in user. */
export async function addAdmin(app: TestApp, branchId: number): Promise<SessionUser> {
	const row = await makeStaff(app, {
		employeeNo: 'A001',
		name: '管理员丁',
		branchId,
		position: '系统管理员',
		roles: ['hr', 'admin']
	});
	return sessionUser(app, row.id);
}

export async function staffByNo(app: TestApp, employeeNo: string) {
	return await app.db.select().from(staff).where(eq(staff.employeeNo, employeeNo)).get();
}

export async function branchByCode(app: TestApp, code: string) {
	return await app.db.select().from(branch).where(eq(branch.code, code)).get();
}
