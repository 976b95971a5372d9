import type { Problem } from '../errors';

// Pure rules of classroom sessions: no database, no clock of their own.

export const MAX_CLASS_HOURS = 12;
export const MAX_CAPACITY = 500;
export const MAX_TEXT = 100;
/** A trainer may put the code up while people arrive, half an hour before the start. */
export const SIGN_IN_LEAD_MS = 30 * 60_000;
export const DEFAULT_CODE_MINUTES = 15;
export const MAX_CODE_MINUTES = 120;
export const CODE_DIGITS = 6;
/** Five wrong codes within ten minutes lock code sign-in for that person for ten minutes. */
export const GUESS_LIMIT = 5;
export const GUESS_WINDOW_MS = 10 * 60_000;
export const GUESS_LOCK_MS = 10 * 60_000;

export interface ScheduleInput {
	courseId: number;
	title: string;
	startsAt: number;
	endsAt: number;
	place: string;
	capacity: number;
	classHours: number;
	/** Defaults to the person scheduling. */
	trainerId?: number;
	/** Anti-money-laundering training, counted in the regulator's table; default false. */
	amlTraining?: boolean;
}

/** Everything wrong with a schedule request that needs no database. */
export function checkSchedule(input: ScheduleInput, now: number): Problem[] {
	const problems: Problem[] = [];
	if (!Number.isInteger(input.courseId) || input.courseId <= 0) {
		problems.push({ key: 'classroom.error.courseRequired', field: 'courseId' });
	}
	const title = input.title.trim();
	if (!title || title.length > MAX_TEXT) {
		problems.push({ key: 'classroom.error.titleRequired', field: 'title' });
	}
	const place = input.place.trim();
	if (!place || place.length > MAX_TEXT) {
		problems.push({ key: 'classroom.error.placeRequired', field: 'place' });
	}
	if (!Number.isFinite(input.startsAt) || !Number.isFinite(input.endsAt)) {
		problems.push({ key: 'classroom.error.badTime', field: 'startTime' });
	} else if (input.endsAt <= input.startsAt) {
		problems.push({ key: 'classroom.error.endsBeforeStart', field: 'endTime' });
	} else if (input.endsAt <= now) {
		problems.push({ key: 'classroom.error.endsInPast', field: 'date' });
	}
	if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_CAPACITY) {
		problems.push({
			key: 'classroom.error.badCapacity',
			field: 'capacity',
			params: { max: MAX_CAPACITY }
		});
	}
	if (
		!Number.isFinite(input.classHours) ||
		input.classHours <= 0 ||
		input.classHours > MAX_CLASS_HOURS
	) {
		problems.push({
			key: 'classroom.error.badHours',
			field: 'classHours',
			params: { max: MAX_CLASS_HOURS }
		});
	}
	return problems;
}

/** Splits pasted employee numbers (one a line, or separated by commas, spaces or 、). */
export function parseEmployeeNumbers(text: string): string[] {
	const numbers = text
		.split(/[\s,，、;；]+/)
		.map((n) => n.trim().toUpperCase())
		.filter(Boolean);
	return [...new Set(numbers)];
}

/** The code may be opened from half an hour before the start until the end. */
export function canOpenSignIn(session: { startsAt: number; endsAt: number }, now: number): boolean {
	return now >= session.startsAt - SIGN_IN_LEAD_MS && now < session.endsAt;
}

export function isCodeShaped(code: string): boolean {
	return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(code);
}

/** Zero-padded, so every number below 10^6 is a code. */
export function formatCode(n: number): string {
	return String(n).padStart(CODE_DIGITS, '0');
}

export interface ThrottleState {
	failures: number;
	windowStartedAt: number;
	lockedUntil: number | null;
}

/** The throttle after one more wrong code at `now`. */
export function afterWrongCode(previous: ThrottleState | undefined, now: number): ThrottleState {
	const fresh =
		!previous ||
		now - previous.windowStartedAt > GUESS_WINDOW_MS ||
		(previous.lockedUntil !== null && previous.lockedUntil <= now);
	const failures = fresh ? 1 : previous.failures + 1;
	const windowStartedAt = fresh ? now : previous.windowStartedAt;
	return failures >= GUESS_LIMIT
		? { failures: 0, windowStartedAt: now, lockedUntil: now + GUESS_LOCK_MS }
		: { failures, windowStartedAt, lockedUntil: null };
}

/** Whole minutes left on a lock, at least 1; 0 when not locked. */
export function lockMinutesLeft(state: ThrottleState | undefined, now: number): number {
	if (!state?.lockedUntil || state.lockedUntil <= now) return 0;
	return Math.max(1, Math.ceil((state.lockedUntil - now) / 60_000));
}
