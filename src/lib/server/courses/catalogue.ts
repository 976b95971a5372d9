import type { Db } from '../db';
import type { Course } from '../db/schema';
import * as data from './data';

// Reads of the catalogue that other domains need, phrased in their words.

/** The onboarding-kind course offered now (the first, if content has several): the seat course. */
export async function findSeatCourse(db: Db): Promise<Course | undefined> {
	return (await data.selectOfferedCoursesOfKind(db, 'onboarding'))[0];
}

/** Centralized courses on offer, which classroom sessions are scheduled for. */
export async function listCentralizedCourses(db: Db): Promise<{ id: number; title: string }[]> {
	return (await data.selectOfferedCoursesOfKind(db, 'centralized')).map((c) => ({
		id: c.id,
		title: c.title
	}));
}

/** Module titles of a course version, in order. */
export async function listModuleTitles(db: Db, versionId: number): Promise<string[]> {
	return (await data.selectModules(db, versionId)).map((m) => m.title);
}
