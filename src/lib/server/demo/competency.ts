import {
	issueCertificate,
	listAllCompetencies,
	seedCompetency,
	seedRule,
	type NewRule,
	type RandomSource
} from '../competency/service';
import type { AppContext } from '../context';
import { inTransaction, type Tx } from '../db';
import { createRng, type Rng } from '../rng';
import { demoAccounts } from './accounts';
import { selectStaffWhere } from '../org/service';
import { selectCourseIdOfKind } from './data';

const DAY = 86_400_000;

const COMPETENCIES = [
	{
		code: 'SAV-COUNTER',
		name: '储蓄柜面业务',
		months: 24,
		description: '储蓄柜面业务操作与风险防控'
	},
	{ code: 'AML', name: '反洗钱', months: 12, description: '客户身份识别、大额和可疑交易报告' },
	{ code: 'COMPLIANCE', name: '内控合规', months: 12, description: '内控制度、案件防控与合规操作' },
	{ code: 'CALL-CENTER', name: '客服座席', months: 24, description: '客户服务热线座席业务' },
	{ code: 'SERVICE', name: '服务规范', months: 24, description: '网点服务礼仪与服务标准' }
] as const;

const COUNTER_POSITIONS = ['储蓄员', '综合柜员'];

/** Seeded bytes, so the demo's older certificates keep their codes from one seed to the next. */
function seededRandom(rng: Rng): RandomSource {
	return (bytes) => {
		for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
	};
}

/**
 * The competency framework and its rules, plus a few older 反洗钱 certificates that lapse within
 * 30 or 60 days (the journey teller holds one), so the expiring lists have something in them.
 * Runs before the onboarding, learning, exam and spot demos, whose results then flow through
 * the rules. A no-op once any competency exists.
 */
export async function seedDemoCompetencies(ctx: AppContext): Promise<void> {
	if ((await listAllCompetencies(ctx)).length > 0) return;
	const now = ctx.clock.now();
	await inTransaction(ctx.db, async (tx) => {
		const ids = new Map<string, number>();
		for (const c of COMPETENCIES) {
			const row = await seedCompetency(ctx, tx, {
				code: c.code,
				name: c.name,
				description: c.description,
				validityMonths: c.months,
				createdAt: now - 400 * DAY
			});
			ids.set(c.code, row.id);
		}
		const rule = async (code: string, fields: Omit<NewRule, 'competencyId' | 'createdAt'>) =>
			await seedRule(ctx, tx, {
				competencyId: ids.get(code)!,
				createdAt: now - 400 * DAY,
				...fields
			});
		await rule('SAV-COUNTER', { trigger: 'exam_pass', examPurpose: 'certification' });
		await rule('SAV-COUNTER', { trigger: 'exam_pass', examPurpose: 'spot' });
		await rule('SAV-COUNTER', { trigger: 'spot_fail', examPurpose: 'spot' });
		const remote = await selectCourseIdOfKind(tx, 'remote');
		if (remote !== undefined)
			await rule('COMPLIANCE', { trigger: 'course_complete', courseId: remote });
		await rule('SERVICE', { trigger: 'onboarding_complete' });
		await seedOlderCertificates(ctx, tx, ids.get('AML')!);
	});
}

/** Six 反洗钱 certificates issued about a year ago: three lapse within 30 days, three within 60. */
async function seedOlderCertificates(ctx: AppContext, tx: Tx, aml: number): Promise<void> {
	const rng = createRng('qualify-demo-competency-v1');
	const random = seededRandom(rng);
	const teller = demoAccounts().find((a) => a.journey === 'teller')!.employeeNo;
	const active = await selectStaffWhere(tx, { statuses: ['active'], orderBy: 'employeeNo' });
	const journey = active.find((s) => s.employeeNo === teller);
	const others = rng
		.shuffle(active.filter((s) => s !== journey && COUNTER_POSITIONS.includes(s.position)))
		.slice(0, journey ? 5 : 6);
	const holders = journey ? [journey, ...others] : others;
	// 12 months less N days ago: expiring N days from today.
	const lapseIn = [12, 20, 27, 38, 46, 55];
	for (const [i, person] of holders.entries()) {
		const back = 365 - lapseIn[i]!;
		const then: AppContext = { ...ctx, clock: { now: () => ctx.clock.now() - back * DAY } };
		await issueCertificate(
			then,
			tx,
			{ staffId: person.id, competencyId: aml, attemptId: null },
			random
		);
	}
}
