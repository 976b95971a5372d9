/** Types the taking and result pages share; no server code, so the browser may import them. */
import type { QuestionType } from '$lib/questions/enums';

/** An answer as the page shows and posts it: option display ids (A, B…), never stored keys. */
export type DisplayAnswer =
	{ choice: string } | { choices: string[] } | { value: boolean } | { text: string };

/** One question while taking: sanitized HTML only, and nothing about what is correct. */
export interface TakingItem {
	number: number;
	type: QuestionType;
	points: number;
	stemHtml: string;
	options: { id: string; html: string }[];
	answer: DisplayAnswer | null;
	flagged: boolean;
}

export interface ReviewEntry {
	number: number;
	type: QuestionType;
	points: number;
	score: number;
	correct: boolean;
	stemHtml: string;
	options: {
		id: string;
		html: string;
		correct: boolean;
		chosen: boolean;
		feedbackHtml: string | null;
	}[];
	answer: DisplayAnswer | null;
	correctAnswer:
		{ choice: string } | { choices: string[] } | { value: boolean } | { accepted: string[] };
	explanationHtml: string | null;
}

/** Whether an answer says anything: an empty text or no choice counts as unanswered. */
export function isAnswered(answer: DisplayAnswer | null): boolean {
	if (!answer) return false;
	if ('choices' in answer) return answer.choices.length > 0;
	if ('text' in answer) return answer.text.trim() !== '';
	return true;
}
