import type { QuestionType, TextFormat } from '../../questions/enums';
import { answerToDisplay, displayIds } from './option-ids';
import type { Answer, ExamQuestion, PaperItem } from './types';

/** What the examinee has saved for one item (stored keys; mapped to display ids for the view). */
export interface SavedState {
	answer: Answer | null;
	flagged: boolean;
}

export interface ViewOption {
	/** Display id and label in one: A, B, C… in this paper's order (see option-ids.ts). */
	id: string;
	text: string;
}

/** One question as the browser may see it before submission: nothing about what is correct. */
export interface PaperViewItem {
	/** 1-based position on the paper. */
	number: number;
	questionId: number;
	type: QuestionType;
	format: TextFormat;
	stem: string;
	points: number;
	options: ViewOption[];
	/** The saved answer in display ids, or null. */
	answer: Answer | null;
	flagged: boolean;
}

export interface PaperView {
	items: PaperViewItem[];
	maxScore: number;
}

/** Versions by versionId; a paper whose version is missing is a data fault, so it throws. */
export function versionOf(
	questions: ReadonlyMap<number, ExamQuestion>,
	item: Pick<PaperItem, 'versionId'>
): ExamQuestion {
	const question = questions.get(item.versionId);
	if (!question) throw new Error(`question version ${item.versionId} is missing`);
	return question;
}

/**
 * Builds the taking view. Fields are copied one by one onto new objects, never spread from the
 * question, so a field added to questions later cannot leak an answer key to the browser.
 */
export function paperView(
	items: readonly PaperItem[],
	questions: ReadonlyMap<number, ExamQuestion>,
	saved: ReadonlyMap<number, SavedState>,
	maxScore: number
): PaperView {
	return {
		maxScore,
		items: items.map((item, i): PaperViewItem => {
			const question = versionOf(questions, item);
			const state = saved.get(item.questionId);
			return {
				number: i + 1,
				questionId: item.questionId,
				type: question.type,
				format: question.format ?? 'markdown',
				stem: question.stem,
				points: item.points,
				options: viewOptions(item, question),
				answer: state?.answer ? answerToDisplay(item, state.answer) : null,
				flagged: state?.flagged ?? false
			};
		})
	};
}

/** The paper's options in display order with their display ids; text only. */
export function viewOptions(item: PaperItem, question: ExamQuestion): ViewOption[] {
	const ids = displayIds(item);
	return item.optionOrder.map((key, i): ViewOption => {
		const option = question.options.find((o) => o.key === key);
		if (!option) throw new Error(`option ${key} missing from version ${question.versionId}`);
		return { id: ids[i]!, text: option.text };
	});
}
