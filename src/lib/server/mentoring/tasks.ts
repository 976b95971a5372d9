import { recordAuditIn } from '../audit/service';
import { canManagePracticumTasks, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction, type Tx } from '../db';
import { Invalid, NotFound } from '../errors';
import {
	ALL_POSITIONS,
	builtInTasksFor,
	isConfigured,
	resolveChecklist,
	type ChecklistTask
} from './checklist';
import { selectPositions } from '../org/service';
import * as data from './data';

type Actor = SessionUser | null | undefined;
const MAX_LABEL = 60;

export interface PositionChecklist {
	position: string;
	/** False while the position runs on the built-in list. */
	configured: boolean;
	tasks: ChecklistTask[];
}

/** Every position's checklist, '*' (all positions) first; HR and admin only. */
export async function listPracticumChecklists(
	ctx: AppContext,
	actor: Actor
): Promise<PositionChecklist[]> {
	requirePermission(actor, canManagePracticumTasks, 'manages practicum tasks');
	const rows = await data.selectTaskRows(ctx.db);
	const positions = new Set([
		...(await selectPositions(ctx.db, null)),
		...rows.map((r) => r.position)
	]);
	positions.delete(ALL_POSITIONS);
	return [ALL_POSITIONS, ...[...positions].sort()].map((position) => ({
		position,
		configured: isConfigured(position, rows),
		tasks: resolveChecklist(position, rows).filter((t) => !t.everyPosition)
	}));
}

/**
 * Editing a position that still runs on the built-in list first copies that list into the table,
 * so adding one task never makes the other defaults disappear.
 */
async function materialise(tx: Tx, position: string): Promise<void> {
	if (isConfigured(position, await data.selectTaskRows(tx, [position]))) return;
	await data.insertTasks(
		tx,
		builtInTasksFor(position).map((t, i) => ({
			position,
			code: t.code,
			label: t.label,
			sortOrder: i + 1
		}))
	);
}

function checkPosition(position: string): string {
	const p = position.trim();
	if (!p || p.length > 40) throw new Invalid([{ key: 'tasks.error.position', field: 'position' }]);
	return p;
}

/** Adds a task to a position's checklist (or to every position with '*'). */
export async function addPracticumTask(
	ctx: AppContext,
	actor: Actor,
	input: { position: string; label: string }
): Promise<void> {
	const user = requirePermission(actor, canManagePracticumTasks, 'manages practicum tasks');
	const position = checkPosition(input.position);
	const label = input.label.trim();
	if (!label || label.length > MAX_LABEL) {
		throw new Invalid([{ key: 'tasks.error.label', params: { max: MAX_LABEL }, field: 'label' }]);
	}
	await inTransaction(ctx.db, async (tx) => {
		await materialise(tx, position);
		const existing = await data.selectTaskRows(tx, [position]);
		if (existing.some((t) => t.label === label && !t.retired)) {
			throw new Invalid([{ key: 'tasks.error.duplicate', params: { label }, field: 'label' }]);
		}
		const sortOrder = (await data.maxTaskSortOrder(tx, position)) + 1;
		await data.insertTasks(tx, [{ position, code: `task_${sortOrder}`, label, sortOrder }]);
		await recordAuditIn(ctx, tx, {
			action: 'practicum.tasks_change',
			actorStaffId: user.id,
			target: `position:${position}`,
			detail: { added: label }
		});
	});
}

/** Retires a task (kept for the days that name it) or brings it back. */
export async function setPracticumTaskRetired(
	ctx: AppContext,
	actor: Actor,
	input: { position: string; code: string; retired: boolean }
): Promise<void> {
	const user = requirePermission(actor, canManagePracticumTasks, 'manages practicum tasks');
	const position = checkPosition(input.position);
	await inTransaction(ctx.db, async (tx) => {
		await materialise(tx, position);
		if (!(await data.setTaskRetired(tx, position, input.code, input.retired))) {
			throw new NotFound(`task ${position}/${input.code}`);
		}
		await recordAuditIn(ctx, tx, {
			action: 'practicum.tasks_change',
			actorStaffId: user.id,
			target: `position:${position}`,
			detail: { code: input.code, retired: input.retired }
		});
	});
}
