/**
 * Who holds what: one row per person in scope × competency with any history, the status as of
 * today (`competent` / `needs_retest` / `expired` / `not_held`, the competency domain's codes and
 * `deriveStanding` rule), its last valid day, and whether it lapses within 60 days (1/0).
 */
import type { Cell } from '../../reports/types';
import { addDays } from '../../time/days';
import { officeDay } from '../../time/office';
import {
	deriveStanding,
	isExpiringWithin,
	listAllCompetencies,
	listCompetencyEvents,
	type StatusEvent
} from '../competency/service';
import { selectStaffWhere } from '../org/service';
import { col, coveredBranchIds, type ReportBuilder } from './report';
import { readHandle } from '../context';

/** How far ahead "expiring soon" looks, in days. */
export const EXPIRING_WITHIN_DAYS = 60;

const COLUMNS = [
	col('employeeNo', 'code'),
	col('name', 'text'),
	col('branchCode', 'code'),
	col('branchName', 'text'),
	col('position', 'text'),
	col('competency', 'text'),
	col('status', 'enum'),
	col('until', 'date'),
	col('expiringWithin60', 'flag')
];

export const competencyReport: ReportBuilder = async (ctx, scope) => {
	const { filters } = scope;
	const today = officeDay(ctx.clock.now());
	const horizon = addDays(today, EXPIRING_WITHIN_DAYS);
	const covered = coveredBranchIds(scope);
	const people = (
		await selectStaffWhere(readHandle(ctx), {
			statuses: ['active', 'onboarding'],
			branchIds: covered
		})
	).filter((p) => filters.position === null || p.position === filters.position);
	const competencies = [...(await listAllCompetencies(ctx))].sort((a, b) =>
		a.code < b.code ? -1 : a.code > b.code ? 1 : 0
	);
	const events = new Map<string, StatusEvent[]>();
	// Office-wide, read every event rather than binding thousands of ids.
	const staffIds = covered === null ? null : people.map((p) => p.id);
	for (const e of await listCompetencyEvents(ctx, staffIds)) {
		const key = `${e.staffId}:${e.competencyId}`;
		const list = events.get(key);
		if (list) list.push(e);
		else events.set(key, [e]);
	}
	const rows: Record<string, Cell>[] = [];
	for (const p of people) {
		for (const c of competencies) {
			const history = events.get(`${p.id}:${c.id}`);
			if (!history) continue;
			const standing = deriveStanding(history, today);
			rows.push({
				employeeNo: p.employeeNo,
				name: p.name,
				branchCode: p.branchCode,
				branchName: p.branchName,
				position: p.position,
				competency: c.name,
				status: standing.status,
				until: standing.until,
				expiringWithin60: isExpiringWithin(standing, today, horizon) ? 1 : 0
			});
		}
	}
	return { columns: COLUMNS, rows, trend: null };
};
