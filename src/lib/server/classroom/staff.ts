/** Staff as scheduling and enrolment need them, read through the org domain's front door. */
import type { Db } from '../db';
import { selectStaffWhere } from '../org/service';

export interface StaffOption {
	id: number;
	employeeNo: string;
	name: string;
}

/** Trainers not left, by employee number: whom HR and admin may give a session to. */
export async function listTrainers(db: Db): Promise<StaffOption[]> {
	const rows = await selectStaffWhere(db, {
		role: 'trainer',
		statuses: ['active', 'onboarding'],
		orderBy: 'employeeNo'
	});
	return rows.map(({ id, employeeNo, name }) => ({ id, employeeNo, name }));
}

export interface CurrentStaff {
	id: number;
	employeeNo: string;
	branchCode: string;
	hireDate: string | null;
}

/** Everyone not left, by branch code and employee number. */
export async function listCurrentStaff(db: Db): Promise<CurrentStaff[]> {
	const rows = await selectStaffWhere(db, { statuses: ['active', 'onboarding'] });
	return rows.map(({ id, employeeNo, branchCode, hireDate }) => ({
		id,
		employeeNo,
		branchCode,
		hireDate
	}));
}
