import type { MessageKey } from '../../i18n/messages';

/** Saves arriving this long after the deadline still count: they were in flight when time ran out. */
export const DEFAULT_GRACE_MS = 60_000;

export type AttemptStatus = 'in_progress' | 'submitted';

export interface DeadlineInput {
	/** Epoch ms the attempt started (the server's clock). */
	startedAt: number;
	/** The exam's time limit; null for untimed. */
	timeLimitMs: number | null;
	/** When the exam's window closes for everyone; null for no window. */
	windowClosesAt: number | null;
	/** Extra time granted to this person (an accommodation); 0 when none. */
	extraTimeMs: number;
	/**
	 * Whether the extra time may also run past the window close. Off by default: a window closes
	 * for a reason (results published, a spot exam's hour is over), so the accommodation must say
	 * explicitly that it reaches beyond it.
	 */
	extraTimeExtendsWindow?: boolean;
}

/**
 * The attempt's deadline, epoch ms, or null when neither a limit nor a window applies.
 * Rule ("extra time lengthens the personal clock, not the window"):
 *   deadline = min(startedAt + timeLimit + extra, windowClose [+ extra if extraTimeExtendsWindow]).
 * Recompute it when extra time is granted during an attempt; the stored deadline then moves.
 */
export function computeDeadline(input: DeadlineInput): number | null {
	const { startedAt, timeLimitMs, windowClosesAt, extraTimeMs } = input;
	for (const ms of [startedAt, timeLimitMs ?? 0, windowClosesAt ?? 0, extraTimeMs]) {
		if (!Number.isFinite(ms)) throw new RangeError(`not a finite time: ${ms}`);
	}
	if ((timeLimitMs ?? 0) < 0 || extraTimeMs < 0) {
		throw new RangeError('a time limit and extra time cannot be negative');
	}
	const personal = timeLimitMs === null ? null : startedAt + timeLimitMs + extraTimeMs;
	const window =
		windowClosesAt === null
			? null
			: windowClosesAt + (input.extraTimeExtendsWindow ? extraTimeMs : 0);
	if (personal === null) return window;
	if (window === null) return personal;
	return Math.min(personal, window);
}

export interface SaveCheck {
	now: number;
	deadline: number | null;
	graceMs?: number;
	status: AttemptStatus;
}

export type SaveVerdict = 'ok' | 'deadline-passed' | 'already-submitted';

/** The message each refusal shows; both say what the examinee can still do. */
export const SAVE_REFUSAL: Record<Exclude<SaveVerdict, 'ok'>, MessageKey> = {
	'deadline-passed': 'exams.error.deadlinePassed',
	'already-submitted': 'exams.error.alreadySubmitted'
};

/** Whether an answer may be saved now; a save exactly at deadline + grace is still taken. */
export function canSave({
	now,
	deadline,
	graceMs = DEFAULT_GRACE_MS,
	status
}: SaveCheck): SaveVerdict {
	if (status !== 'in_progress') return 'already-submitted';
	if (isOverdue({ now, deadline, graceMs })) return 'deadline-passed';
	return 'ok';
}

/** True once the grace after the deadline has run out: the sweeper submits such attempts. */
export function isOverdue({
	now,
	deadline,
	graceMs = DEFAULT_GRACE_MS
}: {
	now: number;
	deadline: number | null;
	graceMs?: number;
}): boolean {
	return deadline !== null && now > deadline + graceMs;
}

/** Milliseconds left for the page's countdown (grace not included), or null when untimed. */
export function remainingMs(now: number, deadline: number | null): number | null {
	return deadline === null ? null : Math.max(0, deadline - now);
}
