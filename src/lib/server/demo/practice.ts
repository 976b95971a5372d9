// The demo's practice: which banks are open (all but the certification's), and tellers with
// practice history whose 错题本 comes from their demo attempts, through the practice services.
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { at, DEMO_CLOSED_BANK, demoAnswer, findPaperItems } from '../exams/service';
import { selectRolesOf, selectStaffList } from '../org/service';
import {
	checkPracticeAnswer,
	finishPractice,
	getNotebook,
	startPractice,
	type PracticeRequest
} from '../practice/service';
import { listBankChoices, loadQuestionVersions, setBankPracticeOpen } from '../questions/service';
import { SYSTEM_ACTOR } from '../roster/actor';
import { createRng, type Rng } from '../rng';
import { demoAccounts } from './accounts';
import { asUser } from './onboarding-events';

const DAY = 86_400_000;
const COUNTER_POSITIONS = ['储蓄员', '综合柜员'];
/** Tellers besides the journey teller who get a practice history. */
const OTHER_TELLERS = 3;

/** Every demo bank is open for practice (练习开放) but the certification's, which is 保密. */
export async function closeDemoCertificationBank(ctx: AppContext): Promise<void> {
	const id = (await listBankChoices(ctx.db)).find((b) => b.name === DEMO_CLOSED_BANK)?.id;
	if (id !== undefined) await setBankPracticeOpen(ctx, SYSTEM_ACTOR, id, false);
}

/** Answers a session's questions one by one, `rightShare` of them right, at `t`. */
async function answerSession(
	ctx: AppContext,
	user: SessionUser,
	attemptId: number,
	rightShare: number,
	rng: Rng,
	upTo = Infinity
): Promise<void> {
	const items = (await findPaperItems(ctx, attemptId)) ?? [];
	const versions = await loadQuestionVersions(
		ctx.db,
		items.map((i) => i.versionId)
	);
	for (const [i, item] of items.entries()) {
		if (i >= upTo) break;
		const answer = demoAnswer(item, versions.get(item.versionId)!, rng.next() < rightShare, rng);
		await checkPracticeAnswer(ctx, user, attemptId, { position: i + 1, answer });
	}
}

async function session(
	ctx: AppContext,
	user: SessionUser,
	request: Omit<PracticeRequest, 'seed'>,
	seed: string,
	rightShare: number,
	rng: Rng
): Promise<void> {
	const id = await startPractice(ctx, user, { ...request, seed });
	await answerSession(ctx, user, id, rightShare, rng);
	await finishPractice(ctx, user, id);
}

const WRONG: Omit<PracticeRequest, 'seed'> = {
	mode: 'wrong',
	bankId: null,
	category: null,
	tag: null,
	type: null,
	count: null
};

/**
 * Practice history for the journey teller and a few other tellers: a random session on the
 * 储蓄业务 bank, then two rounds of 错题练习 a few days apart (some questions leave the
 * notebook), and for the journey teller a 顺序练习 left half-way, to resume.
 */
export async function seedDemoPractice(ctx: AppContext): Promise<void> {
	const savings = (await listBankChoices(ctx.db)).find((b) => b.name === '储蓄业务')?.id;
	if (savings === undefined) return;
	const rows = await selectStaffList(ctx.db, { branchIds: null }, 100_000);
	const roles = await selectRolesOf(
		ctx.db,
		rows.map((r) => r.id)
	);
	const journey = demoAccounts().find((a) => a.journey === 'teller')?.employeeNo;
	const tellers = rows
		.filter((r) => COUNTER_POSITIONS.includes(r.position) && r.status === 'active')
		.sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
	const chosen = [
		...tellers.filter((r) => r.employeeNo === journey),
		...tellers.filter((r) => r.employeeNo !== journey).slice(0, OTHER_TELLERS)
	];
	const now = ctx.clock.now();
	const rng = createRng('qualify-demo-practice-v1');
	for (const row of chosen) {
		const user = asUser({ ...row, roles: roles.get(row.id) ?? [] });
		if ((await getNotebook(ctx, user, { bankId: null, knowledgePoint: null })).total > 0) {
			// Already practised (a second seed run): leave it.
			continue;
		}
		const random = { ...WRONG, mode: 'random' as const, bankId: savings, count: 10 };
		await session(at(ctx, now - 9 * DAY), user, random, `${row.employeeNo}-r`, 0.6, rng);
		await session(at(ctx, now - 6 * DAY), user, WRONG, `${row.employeeNo}-w1`, 0.7, rng);
		await session(at(ctx, now - 3 * DAY), user, WRONG, `${row.employeeNo}-w2`, 0.9, rng);
		if (row.employeeNo === journey) {
			const t = at(ctx, now - DAY);
			const seq = await startPractice(t, user, {
				...WRONG,
				mode: 'sequential',
				bankId: savings,
				count: 10,
				seed: `${row.employeeNo}-s`
			});
			await answerSession(t, user, seq, 0.8, rng, 4);
		}
	}
}
