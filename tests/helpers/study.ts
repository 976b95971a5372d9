import type { SessionUser } from '../../src/lib/server/auth/session';
import { recordStudyBeat, type StudyStatus } from '../../src/lib/server/courses/service';
import { HEARTBEAT_MS } from '../../src/lib/courses/study-time';
import type { TestApp } from './app';

/**
 * Studies a lesson as an open, visible page does: a start, then a heartbeat every 15 s, the
 * test clock moving with it, until the server says the minimum is reached (or `maxMs` passed).
 */
export async function studyLesson(
	app: TestApp,
	user: SessionUser,
	slug: string,
	lessonKey: string,
	maxMs = 8 * 3_600_000
): Promise<StudyStatus> {
	let status = await recordStudyBeat(app, user, slug, lessonKey, 'start');
	for (let waited = 0; status.remainingMs > 0 && waited < maxMs; waited += HEARTBEAT_MS) {
		app.clock.advance(HEARTBEAT_MS);
		status = await recordStudyBeat(app, user, slug, lessonKey, 'beat');
	}
	return status;
}
