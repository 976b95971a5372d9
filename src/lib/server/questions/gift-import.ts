import type { QuestionImportOptions } from './csv-import';
import { readGiftQuestion } from './gift-question';
import { readCategoryPath, splitBlocks, type GiftBlock } from './gift-text';
import { importError, importWarning } from './problems';
import type { ParsedQuestions } from './types';

/**
 * Reads Moodle GIFT text (already decoded) into drafts. Question types the bank does not
 * hold (matching, numerical, essay, description) are listed as skipped, never fatal.
 * The bank is the caller's default, else the first segment of the current $CATEGORY.
 */
export function parseGift(text: string, options: QuestionImportOptions = {}): ParsedQuestions {
	const defaultBank = options.defaultBank?.trim() || null;
	const result: ParsedQuestions = { questions: [], problems: [], skipped: [], warnings: [] };
	let category: string[] = [];
	// First line of each external id, per bank (ids are unique within a bank).
	const firstLineOf = new Map<string, number>();
	const key = (bank: string | null, id: string): string => `${bank ?? ''}\u0000${id}`;
	const bankless: number[] = [];

	for (const whole of splitBlocks(text)) {
		const { command, block } = splitCommand(whole);
		if (command) {
			const match = /^\$([A-Za-z]+):(.*)$/.exec(command.text.trim());
			if (match?.[1] === 'CATEGORY') category = readCategoryPath(match[2] ?? '');
			else {
				const value = command.text.trim().split(':')[0] ?? '';
				result.problems.push(importError(command.line, null, 'giftUnknownCommand', { value }));
			}
		}
		if (!block) continue;
		const read = readGiftQuestion(block, result.problems, result.warnings);
		if (read.kind === 'skipped') result.skipped.push(read.skipped);
		if (read.kind !== 'question') continue;

		const { question } = read;
		const bank = defaultBank ?? category[0] ?? null;
		const path = defaultBank ? category : category.slice(1);
		const id = question.externalId;
		const first = id ? firstLineOf.get(key(bank, id)) : undefined;
		if (id && first !== undefined) {
			const params = { value: id, firstLine: first };
			// A Moodle [id:] is an id and must be unique; a ::name:: is only a title, which Moodle
			// lets several questions share. Such a question gets a numbered id of its own, the same
			// on every import of the file, so that re-importing it versions the right question.
			if (read.idFrom === 'id') {
				result.problems.push(importError(question.line, null, 'duplicateExternalId', params));
				continue;
			}
			let n = 2;
			while (firstLineOf.has(key(bank, `${id} (${n})`))) n++;
			question.externalId = `${id} (${n})`;
			result.warnings.push(
				importWarning(question.line, null, 'giftRepeatedName', {
					...params,
					id: question.externalId
				})
			);
		}
		if (question.externalId) firstLineOf.set(key(bank, question.externalId), question.line);
		if (!bank) {
			bankless.push(question.line);
			continue;
		}
		result.questions.push({ ...question, bank, category: path.join('/') || null });
	}
	// One problem, not one per question: the fix (a $CATEGORY line or a chosen bank) is one.
	const [firstBankless] = bankless;
	if (firstBankless !== undefined) {
		result.problems.push(
			importError(firstBankless, null, 'giftNoBank', { count: bankless.length })
		);
	}
	result.problems.sort((a, b) => a.line - b.line);
	const isEmpty = result.questions.length + result.problems.length + result.skipped.length === 0;
	if (isEmpty) result.problems.push(importError(0, null, 'noQuestions'));
	return result;
}

/**
 * A `$CATEGORY:` (or other `$WORD:`) line heads its block; Moodle wants a blank line after it,
 * but a question written straight below it is read as a question rather than lost.
 */
function splitCommand(block: GiftBlock): {
	command: { line: number; text: string } | null;
	block: GiftBlock | null;
} {
	if (!/^\s*\$[A-Za-z]+:/.test(block.text)) return { command: null, block };
	const lines = block.text.split('\n');
	const command = { line: block.line, text: lines[0] ?? '' };
	const rest = lines.slice(1);
	const skip = rest.findIndex((l) => l.trim() !== '');
	if (skip < 0) return { command, block: null };
	return {
		command,
		block: {
			line: block.line + 1 + skip,
			text: rest.slice(skip).join('\n'),
			comments: block.comments
		}
	};
}
