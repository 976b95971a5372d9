/**
 * A rate and how it is shown, for server, browser and CSV alike. A rate always travels with its
 * counts, and has no value when nobody is in the denominator: a branch where nobody sat shows
 * "—", never 0 % or NaN, and a reader can always see how few people a percentage covers.
 */
import { translate, type Locale } from '../i18n/messages';

export interface Rate {
	num: number;
	den: number;
	/** num ÷ den, or null when den is 0. */
	value: number | null;
}

/** What stands in for a rate nobody is counted in, on the page and in the CSV. */
export const NO_RATE = '—';

export function rate(num: number, den: number): Rate {
	return { num, den, value: den === 0 ? null : num / den };
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A share (0–1) as a percentage with at most one decimal: "95.2%". */
export function formatPercent(locale: string, share: number): string {
	let f = percentFormats.get(locale);
	if (!f) {
		f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
		percentFormats.set(locale, f);
	}
	return f.format(share);
}

/** The percentage alone, "95.2%", or "—"; for where the counts stand beside it. */
export function formatRatePercent(locale: string, r: Rate | null): string {
	return !r || r.value === null ? NO_RATE : formatPercent(locale, r.value);
}

/** A rate with its counts, "95.2%（40/42）", or "—" when nobody is in the denominator. */
export function formatRate(locale: Locale, r: Rate | null): string {
	if (!r || r.value === null) return NO_RATE;
	return translate(locale, 'common.rate', {
		pct: formatPercent(locale, r.value),
		num: r.num,
		den: r.den
	});
}

/** The CSV cell: the value with 4 decimals ("0.6667") for re-calculation, or "—". */
export function rateCsvValue(r: Rate | null): string {
	return !r || r.value === null ? NO_RATE : r.value.toFixed(4);
}
