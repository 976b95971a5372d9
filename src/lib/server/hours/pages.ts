import { requireUser } from '../auth/guards';
import { canCorrectHours, canRecordHours, canSeeHoursOf, hoursScope } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import { selectBranches, selectStaffRow } from '../org/service';
import { listStudyTimeOf, type StudyTimeLine } from '../courses/service';
import { Forbidden, NotFound } from '../errors';
import { recordManualHours } from './entries';
import {
	currentYear,
	findBranchInHoursScope,
	getStaffHours,
	listHoursStanding,
	type PersonHours,
	type StandingRow
} from './ledger';
import { parseYear, summarizeBranches, yearOptions, type BranchSummary } from './summary';

export interface MyHoursPage extends PersonHours {
	years: number[];
}

/** The signed-in person's own ledger for the year in `?year=` (this year by default). */
export async function getMyHours(
	ctx: AppContext,
	user: SessionUser | null,
	yearParam: string | null
): Promise<MyHoursPage> {
	const actor = requireUser(user);
	const thisYear = currentYear(ctx);
	const year = parseYear(yearParam, thisYear);
	return { ...(await getStaffHours(ctx, actor, actor.id, year)), years: yearOptions(thisYear) };
}

export interface PersonHoursPage extends MyHoursPage {
	person: { employeeNo: string; name: string; position: string; branchName: string };
	today: string;
	canRecord: boolean;
	canCorrect: boolean;
	/** Time spent per lesson, counted from the lesson pages' heartbeats. */
	studyTime: StudyTimeLine[];
}

async function findPerson(ctx: AppContext, actor: SessionUser, employeeNo: string) {
	const person = await selectStaffRow(ctx.db, employeeNo);
	if (!person) throw new NotFound(`staff ${employeeNo}`);
	hoursScope(actor); // the managing pages are for people with a class-hour scope only
	if (!canSeeHoursOf(actor, person)) throw new Forbidden('hours of another branch');
	return person;
}

/** One person's standing and ledger as managers, trainers and HR see it. */
export async function getPersonHours(
	ctx: AppContext,
	user: SessionUser | null,
	employeeNo: string,
	yearParam: string | null
): Promise<PersonHoursPage> {
	const actor = requireUser(user);
	const person = await findPerson(ctx, actor, employeeNo);
	const thisYear = currentYear(ctx);
	const year = parseYear(yearParam, thisYear);
	return {
		...(await getStaffHours(ctx, actor, person.id, year)),
		years: yearOptions(thisYear),
		person: {
			employeeNo: person.employeeNo,
			name: person.name,
			position: person.position,
			branchName: person.branchName
		},
		today: officeDay(ctx.clock.now()),
		// Nobody records or corrects their own hours (entries.ts refuses it): no form for oneself.
		canRecord: canRecordHours(actor) && person.id !== actor.id,
		canCorrect: canCorrectHours(actor) && person.id !== actor.id,
		studyTime: await listStudyTimeOf(ctx, person.id)
	};
}

/** Records a manual entry for the person with this employee number. */
export async function recordManualHoursFor(
	ctx: AppContext,
	user: SessionUser | null,
	employeeNo: string,
	input: { kind: string; hours: number; earnedOn: string; reason: string }
): Promise<void> {
	const actor = requireUser(user);
	const person = await findPerson(ctx, actor, employeeNo);
	await recordManualHours(ctx, actor, { ...input, staffId: person.id });
}

export interface HoursFilters {
	year: number;
	branch: string | null;
	behindOnly: boolean;
}

export interface HoursOverview {
	filters: HoursFilters;
	years: number[];
	/** Branches to filter by; null when the person sees only their own. */
	branches: { code: string; name: string }[] | null;
	summary: BranchSummary[];
	rows: StandingRow[];
	canRecord: boolean;
}

/** The managing overview: per-branch summary and per-person standing, filtered from the URL. */
export async function getHoursOverview(
	ctx: AppContext,
	user: SessionUser | null,
	params: URLSearchParams
): Promise<HoursOverview> {
	const actor = requireUser(user);
	const scope = hoursScope(actor);
	const thisYear = currentYear(ctx);
	const code = params.get('branch')?.trim() || null;
	// Another branch is refused (403), as reports refuse it, rather than quietly swapped for the
	// manager's own; the manager's own code is simply their usual view.
	const branch = code ? await findBranchInHoursScope(ctx, actor, code) : null;
	const filters: HoursFilters = {
		year: parseYear(params.get('year'), thisYear),
		branch: branch?.code ?? null,
		behindOnly: params.get('behind') === '1'
	};
	const all = await listHoursStanding(
		ctx,
		actor,
		filters.year,
		branch ? { branchId: branch.id } : {}
	);
	return {
		filters,
		years: yearOptions(thisYear),
		branches:
			scope === null
				? (await selectBranches(ctx.db, null)).map((b) => ({ code: b.code, name: b.name }))
				: null,
		summary: summarizeBranches(all),
		rows: filters.behindOnly ? all.filter((r) => r.standing.behindPace) : all,
		canRecord: canRecordHours(actor)
	};
}
