import { getAttemptReview, getExamBasics, getIntegrityRecord } from '$lib/server/exams/service';
import { runLoad } from '$lib/server/http';
import { renderReviewItem } from '../../render.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user } = event.locals;
		const attempt = await getAttemptReview(ctx, user, Number(event.params.attemptId));
		const exam = await getExamBasics(ctx, user, attempt.examId);
		const integrity = await getIntegrityRecord(ctx, user, attempt.attemptId);
		const { review } = attempt;
		return {
			attemptId: attempt.attemptId,
			title: attempt.title,
			submittedAt: attempt.submittedAt,
			submittedBy: attempt.submittedBy,
			exam,
			// Formal exams only: the switches the page reported, shown as a record, not proof.
			integrity: integrity.rules ? integrity : null,
			review:
				review.show === 'answers'
					? { ...review, items: review.items.map(renderReviewItem) }
					: review
		};
	});
