// Practice papers: which questions a session holds, chosen and ordered by mode. Pure: the
// questions, the cursor and a seeded rng come in as arguments.
import type { QuestionType } from '../../questions/enums';
import { createRng } from '../rng';

export interface PracticeQuestion {
	questionId: number;
	versionId: number;
	bankId: number;
	category: string | null;
	type: QuestionType;
	tags: string[];
	options: { key: string }[];
}

export interface PaperItemSpec {
	readonly ruleId: string;
	readonly questionId: number;
	readonly versionId: number;
	readonly points: number;
	readonly optionOrder: readonly string[];
}

/** Questions per practice session unless the person asks for another number. */
export const SESSION_SIZE = 10;
export const MAX_SESSION_SIZE = 100;

/** Whole category path segments, as blueprints match them ("储蓄" does not match "储蓄业务"). */
export function inCategory(category: string | null, wanted: string | null): boolean {
	if (!wanted) return true;
	const c = category ?? '';
	return c === wanted || c.startsWith(`${wanted}/`);
}

/** 顺序练习: the next `size` questions after `after` in question order, from the start when done. */
export function sequentialPick(
	questions: readonly PracticeQuestion[],
	after: number | null,
	size: number
): PracticeQuestion[] {
	const ordered = [...questions].sort((a, b) => a.questionId - b.questionId);
	const rest = after === null ? ordered : ordered.filter((q) => q.questionId > after);
	return (rest.length > 0 ? rest : ordered).slice(0, size);
}

/** 随机练习 and the other modes: `size` questions in a random order from the seed. */
export function randomPick(
	questions: readonly PracticeQuestion[],
	size: number,
	seed: string
): PracticeQuestion[] {
	const ordered = [...questions].sort((a, b) => a.questionId - b.questionId);
	return createRng(seed).shuffle(ordered).slice(0, size);
}

/** The paper items, one point each, options shuffled by the seed. */
export function paperItems(
	mode: string,
	picked: readonly PracticeQuestion[],
	seed: string
): PaperItemSpec[] {
	const rng = createRng(`${seed}:options`);
	return picked.map((q) => ({
		ruleId: mode,
		questionId: q.questionId,
		versionId: q.versionId,
		points: 1,
		optionOrder:
			q.type === 'single' || q.type === 'multiple' ? rng.shuffle(q.options.map((o) => o.key)) : []
	}));
}
