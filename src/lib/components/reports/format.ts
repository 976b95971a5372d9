/** Display helpers for report pages and dashboards (browser-safe: no server imports). */
import type { Translate } from '$lib/i18n/context.svelte';
import { isMessageKey, type Locale } from '$lib/i18n/messages';
import { formatRate, type Rate } from '$lib/reports/rate';
import type { Cell, CellKind } from '$lib/reports/types';
import { formatDay, formatMonth } from '$lib/time/format';

export function isRate(cell: Cell): cell is Rate {
	return typeof cell === 'object' && cell !== null && 'den' in cell;
}

/** One cell as text, by its column's kind; empty cells read "—" rather than blank or 0. */
export function formatCell(t: Translate, locale: Locale, kind: CellKind, cell: Cell): string {
	if (cell === null || cell === '') return t('reports.page.none');
	if (isRate(cell)) return formatRate(locale, cell);
	if (kind === 'flag') return t(cell ? 'reports.value.yes' : 'reports.value.no');
	if (kind === 'enum') {
		const key = `reports.value.${cell}`;
		return isMessageKey(key) ? t(key) : String(cell);
	}
	if (typeof cell === 'number') {
		if (kind === 'hours') {
			return new Intl.NumberFormat(locale, {
				minimumFractionDigits: 1,
				maximumFractionDigits: 1
			}).format(cell);
		}
		// Codes and employee numbers are text even when they look numeric: no grouping commas.
		if (kind === 'code' || kind === 'text') return String(cell);
		return new Intl.NumberFormat(locale).format(cell);
	}
	if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) {
		return formatDay(locale, cell);
	}
	if (kind === 'month' && /^\d{4}-\d{2}$/.test(cell)) return formatMonth(locale, cell);
	return cell;
}

/** Column headers are message keys; an unknown key shows as itself rather than failing. */
export function columnLabel(t: Translate, label: string): string {
	return isMessageKey(label) ? t(label) : label;
}

export function isNumericKind(kind: CellKind): boolean {
	return kind === 'int' || kind === 'rate' || kind === 'hours';
}
