import type { HourKind, RequiredHourKind } from '../../hours/enums';

export const DEFAULT_REQUIREMENT = { remote: 40, centralized: 60 } as const;

export type HoursByKind = Record<HourKind, number>;

export type Requirement = Record<RequiredHourKind, number>;

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

/** Rounds up to the next half hour, the unit lessons and sessions come in. */
function ceilHalf(value: number): number {
	return Math.ceil(value * 2 - 1e-9) / 2;
}

/**
 * Where a person stands for the year. `elapsed` is the share of the year gone (0..1]; being
 * behind pace means earning less than that share of a requirement. Someone hired during the
 * year owes only the share of the year they are on staff for (`hiredShare` = share of the year
 * gone before their hire date), and their pace counts from the hire date.
 */
export function computeStanding(
	earned: HoursByKind,
	fullRequirement: Requirement,
	elapsed: number,
	hiredShare = 0
): Standing {
	const onStaff = 1 - hiredShare;
	const required =
		hiredShare <= 0
			? fullRequirement
			: {
					remote: ceilHalf(fullRequirement.remote * onStaff),
					centralized: ceilHalf(fullRequirement.centralized * onStaff)
				};
	const pace = onStaff <= 0 ? 0 : Math.max(0, Math.min(1, (elapsed - hiredShare) / onStaff));
	const remaining = {
		remote: roundHours(Math.max(0, required.remote - earned.remote)),
		centralized: roundHours(Math.max(0, required.centralized - earned.centralized))
	};
	const behindPace =
		earned.remote + 1e-9 < required.remote * pace ||
		earned.centralized + 1e-9 < required.centralized * pace;
	return {
		earned,
		required,
		remaining,
		behindPace,
		complete: remaining.remote === 0 && remaining.centralized === 0
	};
}
