/** The mentors a plan may be given, read through the org domain's front door. */
import type { Db } from '../db';
import { selectStaffWhere, type StaffRow } from '../org/service';

/** Active people holding the mentor role, in every branch (another branch's mentor is allowed). */
export async function listMentorChoices(db: Db): Promise<StaffRow[]> {
	return await selectStaffWhere(db, { role: 'mentor', statuses: ['active'] });
}
