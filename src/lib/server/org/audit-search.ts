/**
 * The audit log page and its export: filter by person, action, object and a range of office
 * (Beijing) days, page through every event by keyset, export them all as CSV.
 */
import { findAuditEvents, type AuditAction, type AuditQuery } from '../audit/service';
import { canSeeAudit, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/service';
import type { AppContext } from '../context';
import { defuseFormula } from '../files/service';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';
import { addDays, isValidDay } from '../../time/days';
import { OFFICE_UTC_OFFSET_MS, officeDayStart } from '../../time/office';
import { AUDIT_ACTIONS, parseAuditAction, toAuditRows, type AuditRow } from './audit-view';
import * as data from './data';

/** Events per page on the audit page; the export reads pages of EXPORT_PAGE. */
export const AUDIT_PAGE = 100;
const EXPORT_PAGE = 1000;

export interface AuditSearch {
	/** Employee number: events by this person or naming them. */
	person: string;
	action: AuditAction | '';
	/** Text the object (target) contains. */
	target: string;
	/** Office days YYYY-MM-DD, inclusive; '' for open. */
	from: string;
	to: string;
}

/** The filters as the page's query string gives them; anything malformed is left out. */
export function parseAuditSearch(params: URLSearchParams): {
	search: AuditSearch;
	before: number | undefined;
} {
	const text = (name: string): string => (params.get(name) ?? '').trim().slice(0, 100);
	const day = (name: string): string => (isValidDay(text(name)) ? text(name) : '');
	const before = Number(params.get('before'));
	return {
		search: {
			person: text('person'),
			action: parseAuditAction(params.get('action')) ?? '',
			target: text('target'),
			from: day('from'),
			to: day('to')
		},
		before: Number.isSafeInteger(before) && before > 0 ? before : undefined
	};
}

async function toQuery(ctx: AppContext, s: AuditSearch): Promise<AuditQuery> {
	const query: AuditQuery = {};
	if (s.person) {
		const person = await data.selectStaffRow(ctx.db, s.person);
		// Targets name people as staff:<no> (imports) or by the bare number (the staff page).
		query.person = { staffId: person?.id ?? null, targets: [s.person, `staff:${s.person}`] };
	}
	if (s.action) query.action = s.action;
	if (s.target) query.target = s.target;
	if (s.from) query.fromMs = officeDayStart(s.from);
	if (s.to) query.toMs = officeDayStart(addDays(s.to, 1));
	return query;
}

export type AuditPageRow = Omit<AuditRow, 'detail' | 'ip'>;

/** One page of matching events, newest first, and the cursor of the next (older) page. */
export async function searchAudit(
	ctx: AppContext,
	actor: SessionUser | null | undefined,
	search: AuditSearch,
	before?: number
): Promise<{ events: AuditPageRow[]; next: number | null; actions: AuditAction[] }> {
	requirePermission(actor, canSeeAudit, 'reads the audit log');
	const found = await findAuditEvents(ctx, await toQuery(ctx, search), AUDIT_PAGE + 1, before);
	const page = found.slice(0, AUDIT_PAGE);
	const rows = (await toAuditRows(ctx, page)).map(({ detail: _d, ip: _i, ...row }) => row);
	return {
		events: rows,
		next: found.length > AUDIT_PAGE ? page[page.length - 1]!.id : null,
		actions: AUDIT_ACTIONS
	};
}

const COLUMNS: MessageKey[] = [
	'audit.col.at',
	'audit.export.actorNo',
	'audit.col.actor',
	'audit.col.action',
	'audit.col.target',
	'audit.col.detail',
	'audit.export.ip'
];

const csvCell = (value: string): string => {
	const cell = defuseFormula(value);
	return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
};

/** Office wall-clock time, YYYY-MM-DD HH:MM:SS (Beijing, whatever the server's zone). */
const officeTime = (ms: number): string =>
	new Date(ms + OFFICE_UTC_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

function csvLine(row: AuditRow, locale: Locale): string {
	const key = `audit.action.${row.action}`;
	const action = (AUDIT_ACTIONS as string[]).includes(row.action)
		? translate(locale, key as MessageKey)
		: row.action;
	return [
		officeTime(row.at),
		row.actor?.employeeNo ?? '',
		row.actor?.name ?? translate(locale, 'audit.system'),
		action,
		row.target ?? '',
		row.detail ? JSON.stringify(row.detail) : '',
		row.ip ?? ''
	]
		.map(csvCell)
		.join(',');
}

/**
 * Every matching event as CSV (UTF-8 with a BOM for Excel), newest first, with the whole detail
 * the page leaves out (seeds included: this is the audit trail). Read a page at a time.
 */
export function exportAuditCsv(
	ctx: AppContext,
	actor: SessionUser | null | undefined,
	search: AuditSearch,
	locale: Locale
): ReadableStream<Uint8Array> {
	requirePermission(actor, canSeeAudit, 'reads the audit log');
	const encoder = new TextEncoder();
	let query: AuditQuery | null = null;
	let before: number | undefined;
	return new ReadableStream<Uint8Array>({
		start(controller) {
			const header = COLUMNS.map((k) => csvCell(translate(locale, k))).join(',');
			controller.enqueue(encoder.encode(`\uFEFF${header}\r\n`));
		},
		async pull(controller) {
			query ??= await toQuery(ctx, search);
			const page = await findAuditEvents(ctx, query, EXPORT_PAGE, before);
			if (page.length > 0) {
				const rows = await toAuditRows(ctx, page);
				controller.enqueue(encoder.encode(rows.map((r) => `${csvLine(r, locale)}\r\n`).join('')));
				before = page[page.length - 1]!.id;
			}
			if (page.length < EXPORT_PAGE) controller.close();
		}
	});
}
