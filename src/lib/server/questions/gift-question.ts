import { readAnswers, type AnswerReport } from './gift-answers';
import {
	protectEscapes,
	readCommentTokens,
	readFormatMarker,
	restoreEscapes,
	type GiftBlock
} from './gift-text';
import { importError, importWarning, type ErrorName } from './problems';
import type { ImportProblem, QuestionDraft, SkippedQuestion } from './types';

/** Everything a GIFT question yields but its bank, which depends on the file's $CATEGORY. */
export type GiftQuestion = Omit<QuestionDraft, 'bank' | 'category'>;

export type GiftRead =
	/** `idFrom`: where the external id came from, a Moodle [id:] comment or the ::name:: title. */
	| { kind: 'question'; question: GiftQuestion; idFrom: 'id' | 'name' | null }
	| { kind: 'skipped'; skipped: SkippedQuestion }
	| { kind: 'invalid' };

// Where the blank goes when the answer block sits inside the stem (Moodle's missing word).
export const BLANK = '____';

/**
 * Reads one blank-line-separated block as Moodle would: `::name::`, a format marker, the stem
 * around one `{…}` answer block, `####` general feedback. Problems go into `problems`.
 */
export function readGiftQuestion(
	block: GiftBlock,
	problems: ImportProblem[],
	warnings: ImportProblem[]
): GiftRead {
	const text = protectEscapes(block.text);
	const lineAt = (index: number): number => block.line + countNewlines(text, index);
	const before = problems.length;
	const fail = (at: number, name: ErrorName, params = {}): GiftRead => {
		problems.push(importError(lineAt(at), null, name, params));
		return { kind: 'invalid' };
	};

	let bodyStart = 0;
	let name: string | null = null;
	if (text.trimStart().startsWith('::')) {
		const open = text.indexOf('::');
		const close = text.indexOf('::', open + 2);
		if (close < 0) return fail(open, 'giftUnclosedName');
		name = restoreEscapes(text.slice(open + 2, close)).trim() || null;
		bodyStart = close + 2;
	}
	const open = text.indexOf('{', bodyStart);
	const close = text.indexOf('}', bodyStart);
	const tokens = readCommentTokens(block.comments);
	if (open < 0 && close < 0) {
		return { kind: 'skipped', skipped: { line: block.line, kind: 'description', name } };
	}
	if (close < 0) return fail(open, 'giftUnclosedBrace');
	if (open < 0 || close < open) return fail(close, 'giftStrayBrace');
	const nested = text.indexOf('{', open + 1);
	if (nested >= 0 && nested < close) return fail(nested, 'giftUnclosedBrace');
	const extra = text.slice(close + 1).search(/[{}]/);
	if (extra >= 0) return fail(close + 1 + extra, 'giftExtraBrace');

	const after = text.slice(close + 1);
	const stemText = text.slice(bodyStart, open) + (after.trim() ? BLANK + after : '');
	const marker = readFormatMarker(stemText);
	if (!marker.ok) return fail(bodyStart, 'giftUnknownFormat', { value: marker.marker });
	const stem = restoreEscapes(marker.text).trim();

	let body = text.slice(open + 1, close);
	let explanation = '';
	const general = body.lastIndexOf('####');
	if (general >= 0) {
		const feedback = readFormatMarker(body.slice(general + 4));
		explanation = restoreEscapes(feedback.ok ? feedback.text : body.slice(general + 4)).trim();
		body = body.slice(0, general);
	}
	const report: AnswerReport = {
		error: (key, params = {}) => problems.push(importError(block.line, null, key, params)),
		warn: (key, params = {}) => warnings.push(importWarning(block.line, null, key, params))
	};
	const answers = readAnswers(body, report);
	if (answers.kind === 'skip') {
		return { kind: 'skipped', skipped: { line: block.line, kind: answers.skip, name } };
	}
	if (!stem) report.error('emptyStem');
	if (answers.kind === 'invalid' || problems.length > before) return { kind: 'invalid' };

	const isChoice = answers.kind === 'single' || answers.kind === 'multiple';
	// Choice feedback stays on its option (shown beside the chosen one); true/false and fill-in
	// have no options, so theirs follows the general feedback in the explanation.
	const answerFeedback = 'feedback' in answers ? answers.feedback : [];
	return {
		kind: 'question',
		idFrom: tokens.id ? 'id' : name ? 'name' : null,
		question: {
			line: block.line,
			externalId: tokens.id ?? name,
			type: answers.kind,
			format: marker.format ?? 'plain',
			stem,
			options: isChoice ? answers.options : [],
			correctBoolean: answers.kind === 'true_false' ? answers.value : null,
			acceptedAnswers: answers.kind === 'fill_blank' ? answers.accepted : [],
			explanation: [explanation, ...answerFeedback].filter(Boolean).join('\n\n'),
			difficulty: 3,
			tags: tokens.tags,
			competency: null
		}
	};
}

function countNewlines(text: string, end: number): number {
	let count = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
	return count;
}
