import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Course } from '../db/schema';
import type { HourKind } from '../../hours/enums';
import { Forbidden, NotFound } from '../errors';
import * as data from './data';

/** Anyone working here (active or still onboarding) may learn; people who left may not. */
export function requireLearner(user: SessionUser | null): SessionUser {
	const actor = requireUser(user);
	if (actor.status !== 'active' && actor.status !== 'onboarding') {
		throw new Forbidden('only current staff learn');
	}
	return actor;
}

/** A course on offer (not retired, with a current version); NotFound otherwise. */
export async function findOfferedCourse(
	ctx: AppContext,
	slug: string
): Promise<Course & { currentVersionId: number }> {
	const course = await data.selectCourseBySlug(ctx.db, slug);
	if (!course || course.retired || course.currentVersionId === null) {
		throw new NotFound(`course ${slug}`);
	}
	return { ...course, currentVersionId: course.currentVersionId };
}

/**
 * Centralized training is earned in the classroom: its hours are credited by attendance at a
 * session, so reading its lessons online must not credit them a second time.
 */
export function isSelfCompletable(kind: HourKind): boolean {
	return kind !== 'centralized';
}
