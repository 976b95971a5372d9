/** Creating and drawing spot-exam campaigns (抽考): HR's front door. */
import { randomBytes } from 'node:crypto';
import { recordAuditIn } from '../audit/service';
import { canManageSpotCampaigns, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction, type Tx } from '../db';
import { findExam } from '../exams/service';
import { Invalid, type Problem } from '../errors';
import { createRng } from '../rng';
import { selectActiveStaffOf, selectBranches } from '../org/service';
import * as data from './data';
import { drawSample, isValidSpec, SampleError, type SampleSpec } from './sampler';
import { sameMonthAndPosition } from './duplicate';
import { getCampaign } from './state';

export type SeedSource = () => string;
const randomSeed: SeedSource = () => randomBytes(8).toString('hex');

export interface CampaignInput {
	examId: number;
	title: string;
	month: string;
	windowOpensAt: number;
	windowClosesAt: number;
	positions: string[];
	branchIds: number[];
	sampleMode: 'percent' | 'count';
	sampleValue: number;
	excludeMonths: number;
	alternatesPerBranch: number;
	retestsAllowed: number;
	remedialCourseId: number | null;
	remedialLessonKey: string | null;
	/** HR confirmed a second campaign for a month and position that already have one. */
	confirmDuplicate?: boolean;
}

function specOf(
	c: Pick<
		CampaignInput,
		'sampleMode' | 'sampleValue' | 'excludeMonths' | 'month' | 'alternatesPerBranch'
	>
): SampleSpec {
	return {
		mode: c.sampleMode,
		value: c.sampleValue,
		excludeMonths: c.excludeMonths,
		month: c.month,
		alternatesPerBranch: c.alternatesPerBranch
	};
}

async function validate(tx: Tx, input: CampaignInput): Promise<Problem[]> {
	const problems: Problem[] = [];
	const exam = Number.isSafeInteger(input.examId) ? await findExam(tx, input.examId) : undefined;
	if (!exam || exam.purpose !== 'spot')
		problems.push({ key: 'spot.error.notSpotExam', field: 'examId' });
	const title = input.title.trim();
	if (title.length === 0 || title.length > 100)
		problems.push({ key: 'spot.error.title', field: 'title' });
	if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month))
		problems.push({ key: 'spot.error.month', field: 'month' });
	if (
		!Number.isFinite(input.windowOpensAt) ||
		!Number.isFinite(input.windowClosesAt) ||
		input.windowClosesAt <= input.windowOpensAt
	) {
		problems.push({ key: 'spot.error.window', field: 'windowClosesAt' });
	}
	const retestsOk =
		Number.isInteger(input.retestsAllowed) &&
		input.retestsAllowed >= 0 &&
		input.retestsAllowed <= 5;
	if (!isValidSpec({ ...specOf(input), month: '2000-01' }) || !retestsOk) {
		problems.push({ key: 'spot.error.sample', field: 'sampleValue' });
	}
	return problems;
}

/** Creates a campaign after checking the exam, window, sample and that anyone is eligible. */
export async function createCampaign(
	ctx: AppContext,
	user: SessionUser | null,
	input: CampaignInput
): Promise<number> {
	const actor = requirePermission(user, canManageSpotCampaigns, 'manages spot campaigns');
	return await inTransaction(ctx.db, (tx) => createCampaignStep(ctx, tx, actor, input));
}

/** `createCampaign` as a step of the caller's transaction; `actor` may manage campaigns. */
export async function createCampaignStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	input: CampaignInput
): Promise<number> {
	const problems = await validate(tx, input);
	if (problems.length > 0) throw new Invalid(problems);
	if ((await selectActiveStaffOf(tx, input.positions, input.branchIds)).length === 0) {
		throw new Invalid([{ key: 'spot.error.emptyPopulation', field: 'positions' }]);
	}
	const { confirmDuplicate, ...campaign } = input;
	const twins = sameMonthAndPosition(
		await data.selectCampaigns(tx, input.month, input.month),
		input
	);
	if (twins.length > 0 && confirmDuplicate !== true) {
		const titles = twins.map((c) => `「${c.title}」`).join('、');
		throw new Invalid([
			{ key: 'spot.error.duplicate', field: 'confirmDuplicate', params: { titles } }
		]);
	}
	return await data.insertCampaign(tx, {
		...campaign,
		title: input.title.trim(),
		remedialLessonKey: input.remedialCourseId === null ? null : input.remedialLessonKey,
		createdBy: actor.id,
		createdAt: ctx.clock.now()
	});
}

async function sampleProblem(tx: Tx, e: SampleError): Promise<Problem> {
	if (e.code === 'emptyPopulation') return { key: 'spot.error.emptyPopulation' };
	if (e.code === 'badSpec') return { key: 'spot.error.sample' };
	const names = new Map((await selectBranches(tx, null)).map((b) => [b.id, b]));
	const branches = e.shortBranches
		.map((b) => `${names.get(b.branchId)?.name ?? b.branchId}（${b.eligible}/${b.asked}）`)
		.join('、');
	return { key: 'spot.error.branchTooSmall', params: { branches } };
}

/** Draws the sample and stores it with its seed; the caller holds the write transaction. */
async function drawInto(
	ctx: AppContext,
	tx: Tx,
	campaignId: number,
	by: number,
	seed: string
): Promise<number> {
	const c = await getCampaign(tx, campaignId);
	const last = await data.selectLastSpotMonths(tx, c.month);
	const population = (await selectActiveStaffOf(tx, c.positions, c.branchIds)).map((p) => ({
		...p,
		lastSpotMonth: last.get(p.staffId) ?? null
	}));
	let picks;
	try {
		picks = drawSample(population, specOf(c), createRng(seed));
	} catch (e) {
		if (e instanceof SampleError) throw new Invalid([await sampleProblem(tx, e)]);
		throw e;
	}
	const drawId = await data.insertDraw(tx, {
		campaignId,
		seed,
		drawnAt: ctx.clock.now(),
		drawnBy: by
	});
	await data.insertAssignments(
		tx,
		picks.map((p) => ({ ...p, drawId }))
	);
	return drawId;
}

/** The first draw of a campaign. Returns the draw id. */
export async function drawCampaign(
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number,
	seed: SeedSource = randomSeed
): Promise<number> {
	const actor = requirePermission(user, canManageSpotCampaigns, 'manages spot campaigns');
	return await inTransaction(ctx.db, (tx) => drawCampaignStep(ctx, tx, actor, campaignId, seed));
}

/** `drawCampaign` as a step of the caller's transaction; `actor` may manage campaigns. */
export async function drawCampaignStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	campaignId: number,
	seed: SeedSource = randomSeed
): Promise<number> {
	await data.lockCampaign(tx, campaignId);
	await getCampaign(tx, campaignId);
	if (await data.selectLiveDraw(tx, campaignId))
		throw new Invalid([{ key: 'spot.error.alreadyDrawn' }]);
	const s = seed();
	const drawId = await drawInto(ctx, tx, campaignId, actor.id, s);
	await recordAuditIn(ctx, tx, {
		action: 'spot.draw',
		actorStaffId: actor.id,
		target: `spot:${campaignId}`,
		detail: { drawId, seed: s }
	});
	return drawId;
}

/** Voids the live draw with a reason and draws again; only before the window opens. */
export async function redrawCampaign(
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number,
	reason: string,
	seed: SeedSource = randomSeed
): Promise<number> {
	const actor = requirePermission(user, canManageSpotCampaigns, 'manages spot campaigns');
	const why = reason.trim();
	if (why.length === 0 || why.length > 200)
		throw new Invalid([{ key: 'spot.error.reason', field: 'reason' }]);
	return await inTransaction(ctx.db, async (tx) => {
		await data.lockCampaign(tx, campaignId);
		const c = await getCampaign(tx, campaignId);
		const now = ctx.clock.now();
		if (now >= c.windowOpensAt) throw new Invalid([{ key: 'spot.error.windowStarted' }]);
		const old = await data.selectLiveDraw(tx, campaignId);
		if (!old) throw new Invalid([{ key: 'spot.error.notDrawn' }]);
		await data.voidDraw(tx, old.id, actor.id, now, why);
		const s = seed();
		const drawId = await drawInto(ctx, tx, campaignId, actor.id, s);
		await recordAuditIn(ctx, tx, {
			action: 'spot.redraw',
			actorStaffId: actor.id,
			target: `spot:${campaignId}`,
			detail: { voided: old.id, drawId, seed: s, reason: why }
		});
		return drawId;
	});
}
