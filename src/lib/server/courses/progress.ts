import { roundHours } from '../hours/service';

/** How far a person is through a set of lessons, by lesson count and by class hours. */
export interface Progress {
	completedLessons: number;
	totalLessons: number;
	completedHours: number;
	totalHours: number;
	/** 0..100, by class hours (what the requirement counts), rounded down. */
	percent: number;
}

interface CountedLesson {
	lessonKey: string;
	classHours: number;
}

/**
 * Progress over `lessons` given the lesson keys the person has completed. Keys are matched, not
 * lesson ids, so a completion made on an older version still counts when the lesson carried over.
 */
export function computeProgress(
	lessons: readonly CountedLesson[],
	completedKeys: ReadonlySet<string>
): Progress {
	let completedLessons = 0;
	let completedHours = 0;
	let totalHours = 0;
	for (const l of lessons) {
		totalHours += l.classHours;
		if (completedKeys.has(l.lessonKey)) {
			completedLessons++;
			completedHours += l.classHours;
		}
	}
	const percent = totalHours > 0 ? Math.floor((completedHours / totalHours) * 100 + 1e-9) : 0;
	return {
		completedLessons,
		totalLessons: lessons.length,
		completedHours: roundHours(completedHours),
		totalHours: roundHours(totalHours),
		percent
	};
}

/** The lessons before and after `lessonKey` in reading order; null at either end. */
export function neighbours<T extends { lessonKey: string }>(
	ordered: readonly T[],
	lessonKey: string
): { prev: T | null; next: T | null } {
	const i = ordered.findIndex((l) => l.lessonKey === lessonKey);
	if (i < 0) return { prev: null, next: null };
	return { prev: ordered[i - 1] ?? null, next: ordered[i + 1] ?? null };
}

/** The first lesson in reading order not yet completed: where "continue" leads. */
export function firstOpenLesson<T extends { lessonKey: string }>(
	ordered: readonly T[],
	completedKeys: ReadonlySet<string>
): T | null {
	return ordered.find((l) => !completedKeys.has(l.lessonKey)) ?? null;
}

/** True when the course names the person's position in its audience. */
export function isMeantFor(audience: readonly string[], position: string): boolean {
	return audience.includes(position);
}
