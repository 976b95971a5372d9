/**
 * Plural forms in messages, ICU style: `{count, plural, one {# day} other {# days}}` picks the
 * form Intl.PluralRules names for the count in the message's locale (`=0`, `=1`… exact matches
 * first) and writes the count where `#` stands. Chinese has one form and needs none of this;
 * English writes "1 day" and "2 days".
 */

const rulesByLocale = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
	let rules = rulesByLocale.get(locale);
	if (!rules) {
		rules = new Intl.PluralRules(locale);
		rulesByLocale.set(locale, rules);
	}
	return rules;
}

/** The plural category of `count` in `locale`: 'one', 'other', … */
export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
	return rulesFor(locale).select(count);
}

const BLOCK = /\{(\w+), plural,/g;

/** Reads `selector {body}` pairs from `at` until the block's closing brace; null if malformed. */
function readForms(text: string, at: number): { forms: Map<string, string>; end: number } | null {
	const forms = new Map<string, string>();
	let i = at;
	for (;;) {
		while (text[i] === ' ') i++;
		if (text[i] === '}') return { forms, end: i + 1 };
		const open = text.indexOf('{', i);
		if (open < 0) return null;
		const selector = text.slice(i, open).trim();
		let depth = 1;
		let j = open + 1;
		for (; j < text.length && depth > 0; j++) {
			if (text[j] === '{') depth++;
			else if (text[j] === '}') depth--;
		}
		if (depth > 0 || !selector) return null;
		forms.set(selector, text.slice(open + 1, j - 1));
		i = j;
	}
}

/** Replaces each plural block of `template` with the form its count calls for. */
export function selectPlurals(
	locale: string,
	template: string,
	params: Record<string, string | number>
): string {
	if (!template.includes(', plural,')) return template;
	let out = '';
	let last = 0;
	for (const m of template.matchAll(BLOCK)) {
		if (m.index < last) continue;
		const read = readForms(template, m.index + m[0].length);
		const value = params[m[1]!];
		if (!read || value === undefined) continue;
		const count = typeof value === 'number' ? value : Number(value);
		const form =
			read.forms.get(`=${count}`) ??
			read.forms.get(pluralCategory(locale, count)) ??
			read.forms.get('other') ??
			'';
		out += template.slice(last, m.index) + form.replaceAll('#', String(value));
		last = read.end;
	}
	return out + template.slice(last);
}
