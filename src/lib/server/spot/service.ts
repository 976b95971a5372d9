/**
 * The spot domain's front door (抽考): what routes, the CLI and other domains call. HR creates,
 * draws and redraws campaigns; HR and branch managers follow them; drawn staff sit their exam.
 * Every service acting for a person checks its named permission first; the functions are kept in
 * files named for their idea and gathered here.
 */
import type { AppContext } from '../context';
import type { Tx } from '../db';
import { selectActiveStaffOf } from '../org/service';
import * as data from './data';
import type { Candidate } from './sampler';
import { loadState, type CampaignState } from './state';

export {
	createCampaign,
	drawCampaign,
	redrawCampaign,
	type CampaignInput,
	type SeedSource
} from './campaigns';
export {
	assignRemedial,
	recordAbsence,
	recordExemption,
	recordSpotStatus,
	replaceWithAlternate
} from './events';
export {
	getMakeupList,
	type MakeupList,
	type MakeupResult,
	type MakeupRow,
	type RemedialState
} from './makeup';
export { campaignInputFromForm, getCampaignFormOptions, type CampaignFormOptions } from './form';
export {
	getHomeSpot,
	getMySpotExam,
	mySpotExams,
	startSpotAttempt,
	type MySpotExam,
	type SpotBlock
} from './sitting';
export {
	getCampaignView,
	getSpotStats,
	listCampaigns,
	type BranchRow,
	type CampaignListRow,
	type CampaignView,
	type SpotStatRow
} from './views';
export type { Standing } from './standing';
export type { CampaignState } from './state';

// ---------------------------------------------------------------------------------------------
// For other domains. No person: the calling service has already checked access.
// ---------------------------------------------------------------------------------------------

export { tallyOf, type Tally, type TallyCounts } from './tracking';
export type { TrackedPerson } from './standing';
// Steps of another domain's transaction (the demo seed): each is the service of the same name
// without its permission check and transaction, for an `actor` already checked.
export { createCampaignStep, drawCampaignStep } from './campaigns';
export { recordSpotStatusStep, replaceWithAlternateStep } from './events';
export { startSpotAttemptStep } from './sitting';
/** Demo generation: sits a spot exam through the real services. */
export { sitSpotDemo } from './demo-sitting';

/** A campaign with its live draw and every standing, read inside the caller's transaction. */
export async function loadCampaignState(
	_ctx: AppContext,
	tx: Tx,
	campaignId: number
): Promise<CampaignState> {
	return await loadState(tx, campaignId);
}

/** Spot exams (purpose 'spot'), by title: the demo checks whether it ran before. */
export async function listSpotExams(
	ctx: AppContext
): Promise<{ id: number; title: string; active: boolean }[]> {
	return await data.selectSpotExams(ctx.db);
}

/**
 * Active staff of `positions` in every branch: who a campaign would sample from. With
 * `drawSample` the demo sees a draw before making it, to pick a seed that draws its teller.
 */
export async function listSpotPopulation(
	_ctx: AppContext,
	tx: Tx,
	positions: string[]
): Promise<Candidate[]> {
	return await selectActiveStaffOf(tx, positions, []);
}
export { drawSample, type Candidate, type Pick, type SampleSpec } from './sampler';
