import { OPTION_KEYS } from './types';
import type { QuestionType } from '../../questions/enums';

const TYPE_NAMES: Record<string, QuestionType> = {
	单选: 'single',
	单选题: 'single',
	single: 'single',
	多选: 'multiple',
	多选题: 'multiple',
	multiple: 'multiple',
	判断: 'true_false',
	判断题: 'true_false',
	true_false: 'true_false',
	填空: 'fill_blank',
	填空题: 'fill_blank',
	fill_blank: 'fill_blank'
};

const DIFFICULTY_NAMES: Record<string, number> = {
	易: 1,
	容易: 1,
	简单: 1,
	easy: 1,
	较易: 2,
	中: 3,
	中等: 3,
	一般: 3,
	medium: 3,
	较难: 4,
	难: 5,
	困难: 5,
	hard: 5
};

const BOOLEAN_NAMES: Record<string, boolean> = {
	对: true,
	正确: true,
	是: true,
	t: true,
	true: true,
	'√': true,
	'✓': true,
	错: false,
	错误: false,
	否: false,
	f: false,
	false: false,
	'×': false,
	'✗': false,
	x: false
};

// NFKC turns full-width letters, digits and punctuation (ＡＢ，１) into their ASCII forms.
function normalise(raw: string): string {
	return raw.normalize('NFKC').trim().toLowerCase();
}

function lookup<T>(table: Record<string, T>, raw: string): T | null {
	const key = normalise(raw);
	return Object.hasOwn(table, key) ? (table[key] ?? null) : null;
}

/** 单选 / single (any case, with or without 题) → 'single'; null when unknown. */
export function parseQuestionType(raw: string): QuestionType | null {
	return lookup(TYPE_NAMES, raw.replace(/\s+/g, ''));
}

/** 1–5 or 易..难; blank → 3 (middle); null when neither. */
export function parseDifficulty(raw: string): number | null {
	const value = normalise(raw);
	if (!value) return 3;
	if (/^[1-5](\.0+)?$/.test(value)) return Number(value);
	return lookup(DIFFICULTY_NAMES, value);
}

/** 对/错, 正确/错误, T/F, true/false, √/×; null when none of them. */
export function parseTrueFalse(raw: string): boolean | null {
	return lookup(BOOLEAN_NAMES, raw);
}

// Full-width ； and ， too: a Chinese input method types those by default.
const TAG_SEPARATORS = /[;,、；，]/;

/** "存款;开户、反洗钱" → three tags, blanks and repeats dropped, order kept. */
export function parseTags(raw: string): string[] {
	const tags = raw
		.split(TAG_SEPARATORS)
		.map((t) => t.trim())
		.filter(Boolean);
	return [...new Set(tags)];
}

/** "B", "ACD", "A,C,D", "a、c" → ['A','C','D'] in the order given, repeats dropped. */
export function parseAnswerLetters(raw: string): string[] | null {
	const compact = raw
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s,;、，；/]+/g, '');
	if (!compact) return null;
	const letters = [...compact];
	const known: readonly string[] = OPTION_KEYS;
	if (!letters.every((l) => known.includes(l))) return null;
	return [...new Set(letters)];
}

/** "存款|储蓄存款" → both; a full-width ｜ separates too. Blanks dropped. */
export function parseAcceptedAnswers(raw: string): string[] {
	return [
		...new Set(
			raw
				.split(/[|｜]/)
				.map((a) => a.trim())
				.filter(Boolean)
		)
	];
}
