// extra_time: accommodations granted to a person on an exam.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { extraTime, staff } from '../../db/schema';

// Starting an attempt reads the extra time for every examinee at once: built once per handle.
function prepareExtraMinutes(db: Db) {
	return db
		.select({ minutes: sql<number>`coalesce(sum(${extraTime.minutes}), 0)` })
		.from(extraTime)
		.where(
			and(
				eq(extraTime.examId, sql.placeholder('examId')),
				eq(extraTime.staffId, sql.placeholder('staffId'))
			)
		)
		.prepare();
}
const prepared = new WeakMap<Db, ReturnType<typeof prepareExtraMinutes>>();

export async function sumExtraTimeMs(db: Db, examId: number, staffId: number): Promise<number> {
	let extraMinutes = prepared.get(db);
	if (!extraMinutes) prepared.set(db, (extraMinutes = prepareExtraMinutes(db)));
	return ((await extraMinutes.get({ examId, staffId }))?.minutes ?? 0) * 60_000;
}

export async function insertExtraTime(db: Db, row: typeof extraTime.$inferInsert): Promise<void> {
	await db.insert(extraTime).values(row);
}

const grantedBy = sql<
	string | null
>`(select ${staff.name} from ${staff} where ${staff.id} = ${extraTime.grantedBy})`;

export interface ExtraTimeGrantRow {
	id: number;
	employeeNo: string;
	name: string;
	minutes: number;
	reason: string;
	grantedAt: number;
	grantedBy: string | null;
}

/** Extra-time grants on an exam, newest first, with who received and who granted them. */
export async function selectExtraTimeGrants(db: Db, examId: number): Promise<ExtraTimeGrantRow[]> {
	return await db
		.select({
			id: extraTime.id,
			employeeNo: staff.employeeNo,
			name: staff.name,
			minutes: extraTime.minutes,
			reason: extraTime.reason,
			grantedAt: extraTime.grantedAt,
			grantedBy
		})
		.from(extraTime)
		.innerJoin(staff, eq(staff.id, extraTime.staffId))
		.where(eq(extraTime.examId, examId))
		.orderBy(desc(extraTime.grantedAt), desc(extraTime.id));
}
