import { branch, staff, staffRole } from '../../src/lib/server/db/schema';
import type { BranchType, Role, StaffStatus } from '../../src/lib/org/enums';
import { hashPassword } from '../../src/lib/server/auth/password';
import type { TestApp } from './app';

let counter = 0;

export async function makeBranch(
	app: TestApp,
	fields: { code?: string; name?: string; type?: BranchType } = {}
) {
	counter++;
	return await app.db
		.insert(branch)
		.values({
			code: fields.code ?? `B${String(counter).padStart(3, '0')}`,
			name: fields.name ?? `测试支局${counter}`,
			type: fields.type ?? 'rural',
			createdAt: app.clock.now()
		})
		.returning()
		.get();
}

// One hash for every factory-made person keeps tests fast; argon2 is deliberately slow.
let sharedHash: Promise<string> | undefined;
export const FACTORY_PASSWORD = 'Correct-horse-9';

export async function makeStaff(
	app: TestApp,
	fields: {
		employeeNo?: string;
		name?: string;
		branchId: number;
		position?: string;
		roles?: Role[];
		status?: StaffStatus;
		mustChangePassword?: boolean;
	}
) {
	counter++;
	sharedHash ??= hashPassword(FACTORY_PASSWORD);
	const now = app.clock.now();
	const row = await app.db
		.insert(staff)
		.values({
			employeeNo: fields.employeeNo ?? `E${String(counter).padStart(5, '0')}`,
			name: fields.name ?? `员工${counter}`,
			branchId: fields.branchId,
			position: fields.position ?? '储蓄员',
			status: fields.status ?? 'active',
			passwordHash: await sharedHash,
			mustChangePassword: fields.mustChangePassword ?? false,
			createdAt: now,
			updatedAt: now
		})
		.returning()
		.get();
	for (const role of fields.roles ?? ['learner']) {
		await app.db.insert(staffRole).values({ staffId: row.id, role }).run();
	}
	return row;
}
