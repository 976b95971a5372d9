import type { PaperViewItem, ReviewItem } from '$lib/server/exams/service';
import { renderQuestionText } from '$lib/server/questions/service';
import type { ReviewEntry, TakingItem } from '$lib/components/exam/types';

/**
 * Question text becomes sanitized HTML here, on the server, so the page only ever passes
 * these strings to {@html}. Fields are copied one by one: nothing else reaches the browser.
 */
export function renderTakingItem(item: PaperViewItem): TakingItem {
	return {
		number: item.number,
		type: item.type,
		points: item.points,
		stemHtml: renderQuestionText(item.stem, item.format),
		options: item.options.map((o) => ({ id: o.id, html: renderQuestionText(o.text, item.format) })),
		answer: item.answer,
		flagged: item.flagged
	};
}

/** A reviewed item with its texts rendered; only built once the attempt is submitted. */
export function renderReviewItem(item: ReviewItem): ReviewEntry {
	const html = (text: string): string => renderQuestionText(text, item.format);
	return {
		number: item.number,
		type: item.type,
		points: item.points,
		score: item.score,
		correct: item.correct,
		stemHtml: html(item.stem),
		options: item.options.map((o) => ({
			id: o.id,
			html: html(o.text),
			correct: o.correct,
			chosen: o.chosen,
			feedbackHtml: o.feedback ? html(o.feedback) : null
		})),
		answer: item.answer,
		correctAnswer: item.correctAnswer,
		explanationHtml: item.explanation ? html(item.explanation) : null
	};
}
