// A person's history of branches and positions (staff_transfer), as their page shows it.
import { aliasedTable, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { branch, staffTransfer } from '../../db/schema';

export interface TransferRow {
	effectiveOn: string;
	fromBranchCode: string;
	fromBranchName: string;
	toBranchCode: string;
	toBranchName: string;
	fromPosition: string;
	toPosition: string;
	/** True when a roster import recorded it. */
	fromImport: boolean;
}

/** The person's moves, newest first (by effective day, then as recorded). */
export async function selectTransfersOf(db: Db, staffId: number): Promise<TransferRow[]> {
	const from = aliasedTable(branch, 'from_branch');
	const to = aliasedTable(branch, 'to_branch');
	const found = await db
		.select({
			effectiveOn: staffTransfer.effectiveOn,
			fromBranchCode: from.code,
			fromBranchName: from.name,
			toBranchCode: to.code,
			toBranchName: to.name,
			fromPosition: staffTransfer.fromPosition,
			toPosition: staffTransfer.toPosition,
			importId: staffTransfer.importId
		})
		.from(staffTransfer)
		.innerJoin(from, eq(from.id, staffTransfer.fromBranchId))
		.innerJoin(to, eq(to.id, staffTransfer.toBranchId))
		.where(eq(staffTransfer.staffId, staffId))
		.orderBy(desc(staffTransfer.effectiveOn), desc(staffTransfer.id));
	return found.map(({ importId, ...r }) => ({ ...r, fromImport: importId !== null }));
}
