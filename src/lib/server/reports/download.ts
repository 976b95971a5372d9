/**
 * What a downloaded report is called and what its title row says. Files get the report's
 * Chinese name (抽考通过率_2026-01至2026-11.xlsx); the Content-Disposition header carries it as
 * RFC 6266 `filename*` with an ASCII `filename` beside it for clients that read only that.
 */
import { translate, type Locale } from '../../i18n/messages';
import type { ReportFilters } from '../../reports/types';
import { formatDateTime } from '../../time/format';
import type { SheetHeading } from './xlsx';

type Titled = { title: string; filters: Pick<ReportFilters, 'from' | 'to' | 'branchCode'> };

// What Windows refuses in a file name; a branch code is the only part not of our making.
const UNSAFE_IN_NAME = /[\\/:*?"<>|]/g;

/** `抽考通过率_XJ08_2026-01至2026-11.xlsx`: the title, the branch if any, the month range. */
export function localFileName({ title, filters }: Titled, ext: string, locale: Locale): string {
	const range = translate(locale, 'exports.file.range', { from: filters.from, to: filters.to });
	const parts = [title, filters.branchCode, range].filter((p): p is string => !!p);
	return `${parts.join('_').replace(UNSAFE_IN_NAME, '_')}.${ext}`;
}

/** `attachment; filename="ascii.xlsx"; filename*=UTF-8''%E6%8A%BD…` for a download. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
	const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
	const encoded = encodeURIComponent(fileName).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The title row's text: the report, its months, branch and position, and when it was made. */
export function sheetHeading(
	title: string,
	filters: Pick<ReportFilters, 'from' | 'to' | 'branchCode' | 'position'>,
	now: number,
	locale: Locale,
	extra: string[] = []
): SheetHeading {
	const parts = [
		title,
		translate(locale, 'exports.caption.range', { from: filters.from, to: filters.to })
	];
	if (filters.branchCode)
		parts.push(translate(locale, 'exports.caption.branch', { branch: filters.branchCode }));
	if (filters.position)
		parts.push(translate(locale, 'exports.caption.position', { position: filters.position }));
	parts.push(...extra);
	const time = formatDateTime(locale, now);
	parts.push(translate(locale, 'exports.caption.exportedAt', { time }));
	return { name: title, caption: parts.join('　') };
}
