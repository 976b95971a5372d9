import { getContext, setContext } from 'svelte';
import { formatDate, formatDay } from '$lib/time/format';
import { translate, type Locale, type MessageKey, type Params } from './messages';

const KEY = Symbol('i18n');

export type Translate = (key: MessageKey, params?: Params) => string;

interface I18n {
	readonly locale: Locale;
	t: Translate;
	/** An instant (epoch ms) as its office date, or an office day ('YYYY-MM-DD') as a date. */
	formatDate(value: number | string): string;
	formatNumber(value: number): string;
}

/** Called once in the root layout with a getter, so a language switch re-renders everything. */
export function provideI18n(getLocale: () => Locale): void {
	const i18n: I18n = {
		get locale() {
			return getLocale();
		},
		t: (key, params) => translate(getLocale(), key, params),
		formatDate: (value) =>
			typeof value === 'string' ? formatDay(getLocale(), value) : formatDate(getLocale(), value),
		formatNumber: (value) => new Intl.NumberFormat(getLocale()).format(value)
	};
	setContext(KEY, i18n);
}

export function useI18n(): I18n {
	const i18n = getContext<I18n | undefined>(KEY);
	if (!i18n) throw new Error('useI18n() called outside the root layout');
	return i18n;
}
