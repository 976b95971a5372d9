import { readFormatMarker, restoreEscapes } from './gift-text';
import type { ErrorName, WarningName } from './problems';
import { OPTION_KEYS, type OptionDraft, type SkippedQuestion } from './types';

type Params = Record<string, string | number>;

/** Where an answer-block reader sends what it finds wrong; both name the question's line. */
export interface AnswerReport {
	error(name: ErrorName, params?: Params): void;
	warn(name: WarningName, params?: Params): void;
}

export type GiftAnswers =
	| { kind: 'skip'; skip: SkippedQuestion['kind'] }
	| { kind: 'single' | 'multiple'; options: OptionDraft[] }
	| { kind: 'true_false'; value: boolean; feedback: string[] }
	| { kind: 'fill_blank'; accepted: string[]; feedback: string[] }
	| { kind: 'invalid' };

interface Piece {
	marker: '=' | '~';
	weight: number | null;
	text: string;
	feedback: string | null;
}

const WEIGHT = /^\s*%([^%]*)%/;
// Moodle's positive weights must add up to 100%; 33.333 three times is close enough.
const WEIGHT_TOLERANCE = 0.5;

/**
 * Reads what is between `{` and `}` (general feedback already cut off), still escaped.
 * The type follows Moodle's own order: empty → essay, `#` → numerical, `~` → choice,
 * `=` with `->` → matching, T/F → true/false, otherwise short answer.
 */
export function readAnswers(body: string, report: AnswerReport): GiftAnswers {
	const text = body.trim();
	if (text === '') return { kind: 'skip', skip: 'essay' };
	if (text.startsWith('#')) return { kind: 'skip', skip: 'numerical' };
	if (text.includes('~')) return readChoice(text, report);
	if (text.includes('=') && text.includes('->')) return { kind: 'skip', skip: 'matching' };
	const [answer = '', wrong, right] = splitFeedback(text, 3);
	if (/^(t|true|f|false)$/i.test(answer.trim())) {
		const feedback = [wrong, right].map((f) => clean(f ?? '')).filter(Boolean);
		return { kind: 'true_false', value: /^t/i.test(answer.trim()), feedback };
	}
	return readShortAnswer(text, report);
}

function readChoice(text: string, report: AnswerReport): GiftAnswers {
	const pieces = readPieces(text, /[=~]/g, report);
	if (!pieces) return { kind: 'invalid' };
	const isSingle = pieces.some((p) => p.marker === '=');
	const options = pieces.map((p, i): OptionDraft => ({
		key: OPTION_KEYS[i] ?? String(i + 1),
		text: p.text,
		correct: isSingle ? p.marker === '=' : (p.weight ?? 0) > 0,
		weight: p.weight,
		feedback: p.feedback
	}));
	let ok = true;
	const fail = (name: ErrorName, params?: Params): void => {
		ok = false;
		report.error(name, params);
	};
	if (options.length < 2) fail('tooFewOptions', { count: options.length });
	if (options.length > OPTION_KEYS.length) {
		fail('tooManyOptions', { count: options.length, max: OPTION_KEYS.length });
	}
	const right = options.filter((o) => o.correct);
	if (isSingle && right.length > 1) fail('giftManyRight', { count: right.length });
	if (!isSingle && right.length === 0) fail('giftNoRightAnswer');
	if (!isSingle && right.length > 0) {
		const sum = right.reduce((total, o) => total + (o.weight ?? 0), 0);
		if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) fail('giftWeightsNot100', { sum });
	}
	return ok ? { kind: isSingle ? 'single' : 'multiple', options } : { kind: 'invalid' };
}

// Short answers: only full-credit answers are accepted; a partial-credit one would be graded
// as fully right by our all-or-nothing fill-in grading, so it is left out and noted. A fill-in
// question has no options to hang answer feedback on: each goes into the explanation (解析),
// after the answer it is about.
function readShortAnswer(text: string, report: AnswerReport): GiftAnswers {
	if (!text.startsWith('=')) {
		report.error('giftNoRightAnswer');
		return { kind: 'invalid' };
	}
	const pieces = readPieces(text, /=/g, report);
	if (!pieces) return { kind: 'invalid' };
	const accepted: string[] = [];
	const feedback: string[] = [];
	for (const piece of pieces) {
		if (piece.feedback) feedback.push(`${piece.text}: ${piece.feedback}`);
		if (piece.weight === null || piece.weight === 100) accepted.push(piece.text);
		else report.warn('partialAnswerDropped', { value: piece.text, weight: piece.weight });
	}
	if (accepted.length === 0) {
		report.error('giftNoFullCreditAnswer');
		return { kind: 'invalid' };
	}
	return { kind: 'fill_blank', accepted: [...new Set(accepted)], feedback };
}

/** Cuts `=a#fb ~%50%b` into answers; null (after reporting) when one is malformed. */
function readPieces(text: string, markers: RegExp, report: AnswerReport): Piece[] | null {
	const starts = [...text.matchAll(markers)].map((m) => m.index);
	const before = text.slice(0, starts[0] ?? text.length).trim();
	if (before) {
		report.error('giftTextOutsideAnswer', { value: clean(before) });
		return null;
	}
	const pieces: Piece[] = [];
	let ok = true;
	starts.forEach((start, i) => {
		const marker = text[start] === '=' ? '=' : '~';
		let raw = text.slice(start + 1, starts[i + 1] ?? text.length);
		let weight: number | null = null;
		const match = WEIGHT.exec(raw);
		if (match) {
			weight = readWeight(match[1] ?? '');
			raw = raw.slice(match[0].length);
			if (weight === null) {
				report.error('giftBadWeight', { value: clean(match[1] ?? '') });
				ok = false;
			}
		}
		const [answer = '', feedback] = splitFeedback(raw, 2);
		const answerText = clean(answer);
		if (!answerText) {
			report.error('giftEmptyAnswer', { position: i + 1 });
			ok = false;
		}
		pieces.push({ marker, weight, text: answerText, feedback: clean(feedback ?? '') || null });
	});
	return ok ? pieces : null;
}

function readWeight(raw: string): number | null {
	if (!/^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return null;
	const value = Number(raw);
	return value >= -100 && value <= 100 ? value : null;
}

/** Splits at the first `limit - 1` unescaped `#`, the last part keeping the rest. */
function splitFeedback(text: string, limit: number): string[] {
	const parts = text.split('#');
	return [
		...parts.slice(0, limit - 1),
		...(parts.length >= limit ? [parts.slice(limit - 1).join('#')] : [])
	];
}

/** Answer or feedback text as stored: per-answer format marker dropped, escapes restored. */
function clean(text: string): string {
	const marker = readFormatMarker(text);
	return restoreEscapes(marker.ok ? marker.text : text).trim();
}
