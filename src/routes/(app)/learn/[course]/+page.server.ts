import { getCourse } from '$lib/server/courses/service';
import { findPracticeQuizzes } from '$lib/server/exams/service';
import { runLoad } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user } = event.locals;
		const course = await getCourse(ctx, user, event.params.course);
		// Lesson-end quizzes are linked from their lesson; the course page shows the course's own.
		const practice = (await findPracticeQuizzes(ctx, user, course.slug)).filter(
			(q) => !q.lessonKey
		);
		return { course, practice };
	});
