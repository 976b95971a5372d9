/**
 * A person's branch and position on the office day of an instant, from their transfer history
 * (staff_transfer, written by the roster import): where the last transfer on or before that day
 * put them; before their first transfer, where it moved them from; with none, where they are now.
 *
 * For reports over rows that do not carry the branch of their time (classroom attendance and
 * enrolment); attempts, spot assignments, hour entries and onboarding plans record their own.
 * Shared SQL of the org tables for readers in several domains, like officeMonthOf: one
 * definition of "branch at the time", not one per report.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { officeDayOf } from './dialect';
import type { Db } from './handle';
import { staff, staffTransfer } from './schema';

type Side = { after: SQLWrapper; before: SQLWrapper; now: SQLWrapper };

function onDay(db: Db, side: Side, at: SQLWrapper): SQL {
	const day = officeDayOf(db, at);
	return sql`coalesce(
		(select ${side.after} from ${staffTransfer}
			where ${staffTransfer.staffId} = ${staff.id} and ${staffTransfer.effectiveOn} <= ${day}
			order by ${staffTransfer.effectiveOn} desc, ${staffTransfer.id} desc limit 1),
		(select ${side.before} from ${staffTransfer}
			where ${staffTransfer.staffId} = ${staff.id} and ${staffTransfer.effectiveOn} > ${day}
			order by ${staffTransfer.effectiveOn}, ${staffTransfer.id} limit 1),
		${side.now})`;
}

/** The branch id of the joined `staff` row on the office day of `at` (epoch ms). */
export function staffBranchOn(db: Db, at: SQLWrapper): SQL<number> {
	return onDay(
		db,
		{ after: staffTransfer.toBranchId, before: staffTransfer.fromBranchId, now: staff.branchId },
		at
	) as SQL<number>;
}

/** The position of the joined `staff` row on the office day of `at` (epoch ms). */
export function staffPositionOn(db: Db, at: SQLWrapper): SQL<string> {
	return onDay(
		db,
		{ after: staffTransfer.toPosition, before: staffTransfer.fromPosition, now: staff.position },
		at
	) as SQL<string>;
}
