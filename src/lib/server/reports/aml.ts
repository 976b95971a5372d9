/**
 * 金融机构反洗钱培训活动情况: the People's Bank's AML training table, for a year or a quarter.
 * One row per classroom session tagged as AML training (its day, title, the positions that
 * attended, head count, 集中面授) and one per AML-tagged online course with completions in the
 * period (the first to last completion day, the course's audience, people who completed a
 * lesson, 远程培训). No rows is a zero report (零报告标志 是).
 */
import { translate, type Locale } from '../../i18n/messages';
import { addDays } from '../../time/days';
import { officeDay, officeDayStart } from '../../time/office';
import { canFileRegulatorReturns, requirePermission } from '../auth/permissions';
import { readHandle, type AppContext } from '../context';
import { Invalid } from '../errors';
import {
	selectAmlCourseAudiences,
	selectAmlCourses,
	selectAmlSessionPositions,
	selectAmlSessions
} from './data';
import type { ReportActor } from './scope';
import { getReportSettings } from './settings';
import { isSystemActor } from '../roster/actor';

export interface AmlFilters {
	year: number;
	/** 1–4, or null for the whole year. */
	quarter: number | null;
}

export interface AmlRow {
	/** An office day ('2026-03-12') or a range ('2026-01-05至2026-11-20'). */
	time: string;
	content: string;
	audience: string;
	attendees: number;
	method: 'classroom' | 'online';
}

export interface AmlTable {
	filters: AmlFilters;
	institutionCode: string;
	zeroReport: boolean;
	preparer: string;
	/** The office day of the export. */
	filedOn: string;
	rows: AmlRow[];
}

/** The filters from text (a URL or the CLI); null when the year or quarter is not one. */
export function parseAmlFilters(year: string | null, quarter: string | null): AmlFilters | null {
	const y = Number(year);
	if (!/^\d{4}$/.test(year ?? '') || y < 2000 || y > 2100) return null;
	if (quarter === null || quarter === '') return { year: y, quarter: null };
	const q = Number(quarter);
	return /^[1-4]$/.test(quarter) ? { year: y, quarter: q } : null;
}

/** The first and last office day of the period. */
export function amlPeriod(f: AmlFilters): { fromDay: string; toDay: string } {
	if (f.quarter === null) return { fromDay: `${f.year}-01-01`, toDay: `${f.year}-12-31` };
	const m = (f.quarter - 1) * 3 + 1;
	const fromDay = `${f.year}-${String(m).padStart(2, '0')}-01`;
	const next =
		f.quarter === 4 ? `${f.year + 1}-01-01` : `${f.year}-${String(m + 3).padStart(2, '0')}-01`;
	return { fromDay, toDay: addDays(next, -1) };
}

function preparerOf(actor: ReportActor, locale: Locale): string {
	return actor && !isSystemActor(actor) ? actor.name : translate(locale, 'exports.aml.system');
}

/** The table for `actor` (HR, admin or the CLI) over `filters`. */
export async function amlTrainingTable(
	ctx: AppContext,
	actor: ReportActor,
	filters: AmlFilters,
	locale: Locale,
	preparer?: string
): Promise<AmlTable> {
	if (!isSystemActor(actor)) requirePermission(actor, canFileRegulatorReturns, 'files AML returns');
	if (filters.quarter !== null && (filters.quarter < 1 || filters.quarter > 4))
		throw new Invalid([{ key: 'exports.error.quarter', field: 'quarter' }]);
	const { fromDay, toDay } = amlPeriod(filters);
	const fromMs = officeDayStart(fromDay);
	const toMs = officeDayStart(addDays(toDay, 1));
	const db = readHandle(ctx);
	const [sessions, positions, courses, audiences, settings] = await Promise.all([
		selectAmlSessions(db, fromMs, toMs),
		selectAmlSessionPositions(db, fromMs, toMs),
		selectAmlCourses(db, fromMs, toMs),
		selectAmlCourseAudiences(db),
		getReportSettings(ctx)
	]);
	const joiner = locale === 'en' ? ', ' : '、';
	const sessionAudience = new Map<number, string[]>();
	for (const p of positions) {
		const list = sessionAudience.get(p.sessionId) ?? [];
		list.push(p.position);
		sessionAudience.set(p.sessionId, list);
	}
	const range = (a: number, b: number): string => {
		const [x, y] = [officeDay(a), officeDay(b)];
		return x === y ? x : translate(locale, 'exports.caption.range', { from: x, to: y });
	};
	const rows: AmlRow[] = [
		...sessions
			.filter((s) => s.attendees > 0)
			.map((s) => ({
				time: officeDay(s.startsAt),
				content: s.title,
				audience: (sessionAudience.get(s.id) ?? []).join(joiner),
				attendees: s.attendees,
				method: 'classroom' as const
			})),
		...courses.map((c) => ({
			time: range(c.firstAt, c.lastAt),
			content: c.title,
			audience: (audiences.get(c.id) ?? []).join(joiner),
			attendees: c.attendees,
			method: 'online' as const
		}))
	];
	return {
		filters,
		institutionCode: settings.amlInstitutionCode,
		zeroReport: rows.length === 0,
		preparer: preparer?.trim() || preparerOf(actor, locale),
		filedOn: officeDay(ctx.clock.now()),
		rows
	};
}
