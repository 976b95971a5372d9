import { getAttemptReview, getExamBasics } from '$lib/server/exams/service';
import { runLoad } from '$lib/server/http';
import { renderReviewItem } from '../../render.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user } = event.locals;
		const attempt = await getAttemptReview(ctx, user, Number(event.params.attemptId));
		const exam = await getExamBasics(ctx, user, attempt.examId);
		const { review } = attempt;
		return {
			attemptId: attempt.attemptId,
			title: attempt.title,
			submittedAt: attempt.submittedAt,
			submittedBy: attempt.submittedBy,
			exam,
			review:
				review.show === 'answers'
					? { ...review, items: review.items.map(renderReviewItem) }
					: review
		};
	});
