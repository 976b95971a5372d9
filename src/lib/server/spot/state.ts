/** Loads a campaign with its live draw and standings: the one read every spot service starts from. */
import type { Db } from '../db';
import type { SpotCampaign } from '../db/schema';
import { NotFound } from '../errors';
import * as data from './data';
import { buildStandings, type Standing } from './standing';

export interface CampaignState {
	campaign: SpotCampaign;
	draw: data.DrawRow | null;
	standings: Standing[];
}

export async function getCampaign(db: Db, campaignId: number): Promise<SpotCampaign> {
	const campaign = Number.isSafeInteger(campaignId)
		? await data.selectCampaign(db, campaignId)
		: undefined;
	if (!campaign) throw new NotFound(`spot campaign ${campaignId}`);
	return campaign;
}

/**
 * With `now`, a campaign whose window has closed by then counts its no-shows as absent (缺考);
 * without it (the steps that record events and sittings) only recorded absences count.
 */
export async function stateOf(
	db: Db,
	campaign: SpotCampaign,
	now?: number
): Promise<CampaignState> {
	const draw = (await data.selectLiveDraw(db, campaign.id)) ?? null;
	if (!draw) return { campaign, draw, standings: [] };
	const assignments = await data.selectAssignments(db, draw.id);
	const attempts = await data.selectWindowAttempts(
		db,
		campaign.examId,
		campaign.windowOpensAt,
		campaign.windowClosesAt,
		assignments.map((a) => a.staffId)
	);
	return {
		campaign,
		draw,
		standings: buildStandings(
			assignments,
			await data.selectEvents(db, draw.id),
			attempts,
			now !== undefined && now >= campaign.windowClosesAt
		)
	};
}

export async function loadState(db: Db, campaignId: number, now?: number): Promise<CampaignState> {
	return await stateOf(db, await getCampaign(db, campaignId), now);
}
