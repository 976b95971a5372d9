/** Display helpers for spot-exam pages (browser-safe: no server imports). */
import type { Translate } from '$lib/i18n/context.svelte';

export interface RatioLike {
	num: number;
	den: number;
	value: number | null;
}

/** A rate always with its counts, e.g. "75%（3/4）"; "—" when nobody is in the denominator. */
export function formatRate(t: Translate, locale: string, r: RatioLike): string {
	if (r.value === null) return t('spot.none');
	const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
		r.value
	);
	return t('spot.rate', { pct, num: r.num, den: r.den });
}
