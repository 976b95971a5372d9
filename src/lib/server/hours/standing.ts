import type { HourKind } from '../db/schema/courses';

export const DEFAULT_REQUIREMENT = { remote: 40, centralized: 60 } as const;

export type HoursByKind = Record<HourKind, number>;

export interface Requirement {
	remote: number;
	centralized: number;
}

export interface Standing {
	earned: HoursByKind;
	required: Requirement;
	/** Hours still owed this year per required kind (never negative). */
	remaining: Requirement;
	/** Below the share of the requirement that the elapsed part of the year calls for. */
	behindPace: boolean;
	complete: boolean;
}

export function emptyHours(): HoursByKind {
	return { remote: 0, centralized: 0, self_study: 0, onboarding: 0 };
}

/** Rounds to tenths: hours come in halves and quarters, float sums drift. */
export function roundHours(value: number): number {
	return Math.round(value * 10) / 10;
}

/**
 * Where a person stands for the year. `elapsed` is the share of the year gone (0..1]; being
 * behind pace means earning less than that share of a requirement.
 */
export function computeStanding(
	earned: HoursByKind,
	required: Requirement,
	elapsed: number
): Standing {
	const remaining = {
		remote: roundHours(Math.max(0, required.remote - earned.remote)),
		centralized: roundHours(Math.max(0, required.centralized - earned.centralized))
	};
	const behindPace =
		earned.remote + 1e-9 < required.remote * elapsed ||
		earned.centralized + 1e-9 < required.centralized * elapsed;
	return {
		earned,
		required,
		remaining,
		behindPace,
		complete: remaining.remote === 0 && remaining.centralized === 0
	};
}
