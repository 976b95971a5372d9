// Pages that show knowledge-point mastery: a person's (their own, or by a manager or trainer
// who may see them) and a branch's or position's weakest points.
import {
	canSeeKnowledgeOf,
	holdsAny,
	isOfficeWide,
	requirePermission,
	TRAINING
} from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { Forbidden, NotFound } from '../errors';
import { selectBranchByCode, selectBranches, selectStaffRow } from '../org/service';
import * as data from './data';
import { getGroupMastery, loadPersonMastery, type KnowledgePoint } from './knowledge';

/** One person's mastery, for their record and their page: themselves, or who may see them. */
export async function getPersonMasteryByEmployeeNo(
	ctx: AppContext,
	user: SessionUser | null,
	employeeNo: string
): Promise<KnowledgePoint[]> {
	const actor = requirePermission(user, () => true, 'reads knowledge points');
	const row = await selectStaffRow(ctx.db, employeeNo);
	if (!row) throw new NotFound(`staff ${employeeNo}`);
	if (row.id !== actor.id && !canSeeKnowledgeOf(actor, row.branchId)) {
		throw new Forbidden(`staff ${employeeNo} is out of scope`);
	}
	return await loadPersonMastery(ctx, row.id);
}

export interface KnowledgePage {
	branches: { code: string; name: string }[];
	positions: string[];
	branchCode: string | null;
	position: string | null;
	points: KnowledgePoint[];
}

/** The weakest knowledge points of a branch and/or position, with the choices the actor has. */
export async function getKnowledgePage(
	ctx: AppContext,
	user: SessionUser | null,
	query: { branchCode: string | null; position: string | null }
): Promise<KnowledgePage> {
	const actor = requirePermission(
		user,
		(u) => canSeeKnowledgeOf(u, null) || canSeeKnowledgeOf(u, u.branchId),
		'reads knowledge points'
	);
	const everyBranch = holdsAny(actor, TRAINING) || isOfficeWide(actor);
	const branches = await selectBranches(ctx.db, everyBranch ? null : [actor.branchId]);
	// A branch manager without a choice sees their own branch.
	const code = query.branchCode ?? (everyBranch ? null : (branches[0]?.code ?? null));
	const branch = code ? await selectBranchByCode(ctx.db, code) : null;
	if (code && !branch) throw new NotFound(`branch ${code}`, 'practice.error.noSuchBranch');
	const points = await getGroupMastery(ctx, actor, {
		branchId: branch?.id ?? null,
		position: query.position
	});
	return {
		branches: branches.map((b) => ({ code: b.code, name: b.name })),
		positions: await data.selectPositions(ctx.db),
		branchCode: code,
		position: query.position,
		points
	};
}
