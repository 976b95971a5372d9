import {
	canSeeHourRequirements,
	canSetHourRequirements,
	requirePermission
} from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { Invalid, type Problem } from '../errors';
import { selectPositions } from '../org/service';
import * as data from './data';
import { DEFAULT_REQUIREMENT, type Requirement } from './standing';

/** The position whose row is the default for every position without its own. */
export const ANY_POSITION = '*';

export interface RequirementRow extends Requirement {
	position: string;
	updatedBy: number | null;
	updatedAt: number;
}

/** Resolves a position's yearly requirement: its own row, else '*', else the built-in default. */
export async function requirementLookup(db: Db): Promise<(position: string) => Requirement> {
	const byPosition = new Map(
		(await data.selectRequirements(db)).map((r) => [
			r.position,
			{ remote: r.remote, centralized: r.centralized }
		])
	);
	const fallback = byPosition.get(ANY_POSITION) ?? DEFAULT_REQUIREMENT;
	return (position) => byPosition.get(position) ?? fallback;
}

/** The yearly requirement of one position ('*' sets the default). HR and admin only. */
export async function setRequirement(
	ctx: AppContext,
	user: SessionUser | null,
	input: { position: string; remote: number; centralized: number }
): Promise<void> {
	const actor = requirePermission(user, canSetHourRequirements, 'sets hour requirements');
	const problems: Problem[] = [];
	if (!input.position.trim()) problems.push({ key: 'hours.positionRequired', field: 'position' });
	for (const field of ['remote', 'centralized'] as const) {
		if (!Number.isFinite(input[field]) || input[field] < 0 || input[field] > 1000) {
			problems.push({ key: 'hours.badRequirement', field });
		}
	}
	if (problems.length) throw new Invalid(problems);
	await data.upsertRequirement(ctx.db, {
		...input,
		position: input.position.trim(),
		updatedBy: actor.id,
		updatedAt: ctx.clock.now()
	});
}

/** Every configured requirement, the default ('*') first even when only built in. */
export async function listRequirements(
	ctx: AppContext,
	user: SessionUser | null
): Promise<RequirementRow[]> {
	requirePermission(user, canSeeHourRequirements, 'reads hour requirements');
	const rows = await data.selectRequirements(ctx.db);
	const defaultRow = rows.find((r) => r.position === ANY_POSITION) ?? {
		position: ANY_POSITION,
		...DEFAULT_REQUIREMENT,
		updatedBy: null,
		updatedAt: 0
	};
	return [defaultRow, ...rows.filter((r) => r.position !== ANY_POSITION)];
}

export interface RequirementsPage {
	rows: RequirementRow[];
	/** Positions staff hold today with the requirement that applies to each. */
	positions: { position: string; requirement: Requirement; own: boolean }[];
}

/** What the requirements page shows: the table and each position's effective requirement. */
export async function getRequirementsPage(
	ctx: AppContext,
	user: SessionUser | null
): Promise<RequirementsPage> {
	requirePermission(user, canSetHourRequirements, 'sets hour requirements');
	const rows = await listRequirements(ctx, user);
	const own = new Set(rows.map((r) => r.position));
	const lookup = await requirementLookup(ctx.db);
	const positions = (await selectPositions(ctx.db, ['active', 'onboarding'])).map((position) => ({
		position,
		requirement: lookup(position),
		own: own.has(position)
	}));
	return { rows, positions };
}
