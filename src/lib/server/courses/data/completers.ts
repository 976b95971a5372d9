// lesson_completion read by lesson: who of a group has completed one lesson (the spot make-up rule).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { lessonCompletion } from '../../db/schema';

export async function selectLessonCompleters(
	db: Db,
	courseId: number,
	lessonKey: string,
	staffIds: readonly number[]
): Promise<Set<number>> {
	if (staffIds.length === 0) return new Set();
	const rows = await db
		.select({ staffId: lessonCompletion.staffId })
		.from(lessonCompletion)
		.where(
			and(
				eq(lessonCompletion.courseId, courseId),
				eq(lessonCompletion.lessonKey, lessonKey),
				inArray(lessonCompletion.staffId, [...staffIds])
			)
		);
	return new Set(rows.map((r) => r.staffId));
}
