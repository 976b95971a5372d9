/** What the campaign pages and reports show: tallies scoped to what the viewer may see. */
import {
	branchScope,
	canManageSpotCampaigns,
	canTrackSpot,
	requirePermission
} from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { SpotCampaign } from '../db/schema';
import { selectBranches } from '../org/service';
import * as data from './data';
import type { Standing } from './standing';
import { loadState, stateOf } from './state';
import { tally, tallyByBranch, type Tally } from './tracking';
import { trackedPeople } from './standing';

export interface CampaignListRow {
	campaign: SpotCampaign;
	examTitle: string;
	drawn: boolean;
	/** Office-wide for HR; the manager's own branch for a branch manager. */
	tally: Tally;
}

export interface BranchRow {
	branchId: number;
	code: string;
	name: string;
	tally: Tally;
}

export interface CampaignView {
	campaign: SpotCampaign;
	examTitle: string;
	/** The live draw; its seed stays in the audit trail (spot.draw), not on HR's page. */
	draw: { id: number; drawnAt: number } | null;
	branches: BranchRow[];
	total: Tally;
	people: Standing[];
	canManage: boolean;
	canRedraw: boolean;
	now: number;
}

function inScope(scope: number[] | null, branchId: number): boolean {
	return scope === null || scope.includes(branchId);
}

/** Campaigns newest first, with their tallies. */
export async function listCampaigns(
	ctx: AppContext,
	user: SessionUser | null
): Promise<CampaignListRow[]> {
	const actor = requirePermission(user, canTrackSpot, 'follows spot campaigns');
	const scope = branchScope(actor);
	const titles = await data.selectExamTitles(ctx.db);
	const list: CampaignListRow[] = [];
	for (const c of await data.selectCampaigns(ctx.db)) {
		const state = await stateOf(ctx.db, c, ctx.clock.now());
		const people = trackedPeople(state.standings).filter((p) => inScope(scope, p.branchId));
		list.push({
			campaign: c,
			examTitle: titles.get(c.examId) ?? '',
			drawn: state.draw !== null,
			tally: tally(people)
		});
	}
	return list;
}

/** One campaign: per-branch tallies and the drawn list; a manager sees their branch and the office total. */
export async function getCampaignView(
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number
): Promise<CampaignView> {
	const actor = requirePermission(user, canTrackSpot, 'follows spot campaigns');
	const scope = branchScope(actor);
	const state = await loadState(ctx.db, campaignId, ctx.clock.now());
	const c = state.campaign;
	const names = new Map((await selectBranches(ctx.db, null)).map((b) => [b.id, b]));
	const tracked = trackedPeople(state.standings);
	const branchIds = [...new Set(state.standings.map((s) => s.branchId))]
		.filter((id) => inScope(scope, id))
		.sort((a, b) => (names.get(a)?.code ?? '').localeCompare(names.get(b)?.code ?? ''));
	const { branches, total } = tallyByBranch(tracked, branchIds);
	const now = ctx.clock.now();
	return {
		campaign: c,
		examTitle: (await data.selectExamTitles(ctx.db)).get(c.examId) ?? '',
		draw: state.draw ? { id: state.draw.id, drawnAt: state.draw.drawnAt } : null,
		branches: branches.map((b) => ({
			...b,
			code: names.get(b.branchId)?.code ?? '',
			name: names.get(b.branchId)?.name ?? ''
		})),
		total,
		people: state.standings.filter((s) => inScope(scope, s.branchId)),
		canManage: canManageSpotCampaigns(actor),
		canRedraw: canManageSpotCampaigns(actor) && state.draw !== null && now < c.windowOpensAt,
		now
	};
}

export interface SpotStatRow {
	month: string;
	campaignId: number;
	branchId: number;
	tally: Tally;
}

/** Tallies by branch × month for the months [from, to], for trend reports. */
export async function getSpotStats(
	ctx: AppContext,
	user: SessionUser | null,
	range: { from: string; to: string; branchId?: number }
): Promise<SpotStatRow[]> {
	const actor = requirePermission(user, canTrackSpot, 'follows spot campaigns');
	const scope = branchScope(actor);
	const rows: SpotStatRow[] = [];
	for (const c of (await data.selectCampaigns(ctx.db, range.from, range.to)).reverse()) {
		const people = trackedPeople((await stateOf(ctx.db, c, ctx.clock.now())).standings).filter(
			(p) =>
				inScope(scope, p.branchId) &&
				(range.branchId === undefined || p.branchId === range.branchId)
		);
		const ids = [...new Set(people.map((p) => p.branchId))].sort((a, b) => a - b);
		for (const b of tallyByBranch(people, ids).branches) {
			rows.push({ month: c.month, campaignId: c.id, branchId: b.branchId, tally: b.tally });
		}
	}
	return rows;
}
