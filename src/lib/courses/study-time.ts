/**
 * Study time: how a lesson's minimum is set and how the server counts time from the page's
 * heartbeats. Shared with the browser, which schedules its heartbeats by the same numbers.
 */

/** How often an open, visible lesson page reports that the person is still on it. */
export const HEARTBEAT_MS = 15_000;

/**
 * The most one heartbeat may add: a gap longer than this means the page was hidden, closed or
 * asleep, so that stretch counts for nothing. Three intervals absorb a slow network or a
 * throttled timer.
 */
export const MAX_BEAT_GAP_MS = 3 * HEARTBEAT_MS;

/** The office's default: a lesson needs half of its class hours (60 minutes each) of study. */
export const DEFAULT_MIN_SHARE_PERCENT = 50;

/** A heartbeat starts a stretch of study (page opened or shown again) or continues one. */
export type BeatKind = 'start' | 'beat';

export const BEAT_KINDS: readonly BeatKind[] = ['start', 'beat'];

/** Milliseconds of study a lesson needs before it may be completed. */
export function requiredStudyMs(
	lesson: { classHours: number; minMinutes: number | null },
	sharePercent: number
): number {
	const minutes = lesson.minMinutes ?? (lesson.classHours * 60 * sharePercent) / 100;
	return Math.max(0, Math.round(minutes * 60_000));
}

export interface StudyState {
	spentMs: number;
	lastBeatAt: number | null;
}

/**
 * The accrual rule. A heartbeat adds the wall time since the previous counted heartbeat, if
 * that gap is at most MAX_BEAT_GAP_MS; a start, a first beat or a longer gap adds nothing and
 * starts a new stretch. So the total can never exceed the wall time the page was open, however
 * many heartbeats arrive, and nothing the browser says is a duration.
 */
export function accrue(state: StudyState, now: number, kind: BeatKind): StudyState {
	const last = state.lastBeatAt;
	// A beat older than the last one counted (clock skew between nodes) moves nothing back.
	if (last !== null && now < last) return state;
	const gap = last === null ? 0 : now - last;
	const add = kind === 'beat' && gap <= MAX_BEAT_GAP_MS ? gap : 0;
	return { spentMs: state.spentMs + add, lastBeatAt: now };
}

/** Milliseconds still to study; 0 when the lesson may be completed. */
export function remainingMs(spentMs: number, requiredMs: number): number {
	return Math.max(0, requiredMs - spentMs);
}
