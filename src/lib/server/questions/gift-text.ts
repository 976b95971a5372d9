import type { TextFormat } from '../../questions/enums';

// GIFT's escapes become private-use characters while the structure is parsed, so an escaped
// `=` or `}` is never taken for syntax, then turn back into what the author meant.
const PROTECT: Record<string, string> = {
	'\\': '\uE000',
	':': '\uE001',
	'#': '\uE002',
	'=': '\uE003',
	'{': '\uE004',
	'}': '\uE005',
	'~': '\uE006',
	n: '\uE007'
};
const RESTORE: Record<string, string> = {
	'\uE000': '\\',
	'\uE001': ':',
	'\uE002': '#',
	'\uE003': '=',
	'\uE004': '{',
	'\uE005': '}',
	'\uE006': '~',
	'\uE007': '\n'
};

/** Hides `\~ \= \# \{ \} \: \\ \n` from the parser; newlines stay where they were. */
export function protectEscapes(text: string): string {
	return text.replace(/\\([\\:#={}~n])/g, (_, c: string) => PROTECT[c] ?? c);
}

/** The characters the author escaped, as they meant them (`\n` as a line break). */
export function restoreEscapes(text: string): string {
	return text.replace(/[\uE000-\uE007]/g, (c) => RESTORE[c] ?? c);
}

export interface GiftBlock {
	/** Line of the block's first line that is not a comment. */
	line: number;
	/** From that line on; comment lines inside are blanked so offsets still map to lines. */
	text: string;
	/** The block's `//` comment lines, where Moodle keeps `[id:…]` and `[tag:…]`. */
	comments: string[];
}

/** Splits a GIFT file at blank lines, as Moodle does; comment-only blocks vanish. */
export function splitBlocks(text: string): GiftBlock[] {
	const blocks: GiftBlock[] = [];
	let lines: string[] = [];
	let comments: string[] = [];
	let start = 0;
	const flush = (): void => {
		if (lines.length > 0) blocks.push({ line: start, text: lines.join('\n'), comments });
		lines = [];
		comments = [];
	};
	text.split(/\r\n?|\n/).forEach((raw, i) => {
		const trimmed = raw.trim();
		if (trimmed === '') return flush();
		if (trimmed.startsWith('//')) {
			comments.push(trimmed);
			if (lines.length > 0) lines.push('');
			return;
		}
		if (lines.length === 0) start = i + 1;
		lines.push(raw);
	});
	flush();
	return blocks;
}

const FORMATS: Record<string, TextFormat> = {
	markdown: 'markdown',
	html: 'html',
	plain: 'plain',
	// Moodle's own auto-format is plain text with line breaks kept.
	moodle: 'plain'
};

export type MarkerResult =
	{ ok: true; format: TextFormat | null; text: string } | { ok: false; marker: string };

/** A leading `[markdown]`, `[html]`, `[plain]` or `[moodle]`; any other `[word]` is refused. */
export function readFormatMarker(text: string): MarkerResult {
	const match = /^\s*\[([A-Za-z]+)\]/.exec(text);
	if (!match) return { ok: true, format: null, text };
	const format = FORMATS[(match[1] ?? '').toLowerCase()];
	if (!format) return { ok: false, marker: match[0].trim() };
	return { ok: true, format, text: text.slice(match[0].length) };
}

/**
 * `$CATEGORY: $course$/top/储蓄业务/开户` → ['储蓄业务', '开户']. Moodle writes the context
 * (`$course$`) and its hidden root `top` in exports; a `/` inside a name is written `//`.
 */
export function readCategoryPath(raw: string): string[] {
	const path = restoreEscapes(raw)
		.trim()
		.replace(/^\$[a-z0-9]+\$\/?/i, '');
	const segments = path
		.replace(/\/\//g, '\uE010')
		.split('/')
		.map((s) => s.replace(/\uE010/g, '/').trim())
		.filter(Boolean);
	return segments[0] === 'top' ? segments.slice(1) : segments;
}

/** Moodle's `[id:…]` and `[tag:…]` comment tokens; `\]` escapes a bracket inside. */
export function readCommentTokens(comments: string[]): { id: string | null; tags: string[] } {
	const text = comments.join('\n');
	const unescape = (s: string): string => s.replace(/\\\]/g, ']').trim();
	const id = /\[id:((?:\\\]|[^\]\n])+)\]/.exec(text)?.[1];
	const tags = [...text.matchAll(/\[tag:((?:\\\]|[^\]\n])+)\]/g)].map((m) => unescape(m[1] ?? ''));
	return { id: id ? unescape(id) || null : null, tags: [...new Set(tags.filter(Boolean))] };
}
