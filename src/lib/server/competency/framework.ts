/** The competency framework: competencies and the rules that drive them (HR/admin). */
import { recordAuditIn } from '../audit/service';
import { canManageCompetencies, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction, type Tx } from '../db';
import { type Competency } from '../db/schema';
import { EXAM_PURPOSES } from '../../exams/enums';
import { RULE_TRIGGERS } from '../../competency/enums';
import { Invalid, NotFound, type Problem } from '../errors';
import * as data from './data';

export interface CompetencyInput {
	code: string;
	name: string;
	description?: string;
	validityMonths: number;
}

const CODE = /^[A-Z][A-Z0-9-]{1,31}$/;

function checkInput(input: CompetencyInput, requireCode: boolean): Problem[] {
	const problems: Problem[] = [];
	if (requireCode && !CODE.test(input.code))
		problems.push({ key: 'competency.error.code', field: 'code' });
	if (!input.name.trim()) problems.push({ key: 'competency.error.name', field: 'name' });
	if (
		!Number.isInteger(input.validityMonths) ||
		input.validityMonths < 1 ||
		input.validityMonths > 120
	)
		problems.push({ key: 'competency.error.validity', field: 'validityMonths' });
	return problems;
}

/** Adds a competency to the framework (HR/admin). */
export async function defineCompetency(
	ctx: AppContext,
	user: SessionUser | null,
	input: CompetencyInput
): Promise<Competency> {
	const actor = requirePermission(user, canManageCompetencies, 'manages competencies');
	const problems = checkInput(input, true);
	if (problems.length) throw new Invalid(problems);
	return await inTransaction(ctx.db, async (tx) => {
		if (await data.selectCompetencyByCode(tx, input.code))
			throw new Invalid([{ key: 'competency.error.codeTaken', field: 'code' }]);
		const row = await data.insertCompetency(tx, {
			code: input.code,
			name: input.name.trim(),
			description: input.description?.trim() ?? '',
			validityMonths: input.validityMonths,
			createdAt: ctx.clock.now()
		});
		await audit(ctx, tx, actor.id, `competency:${row.id}`, { code: row.code, op: 'create' });
		return row;
	});
}

/** Changes a competency's name, description or validity; the code stays, as records cite it. */
export async function updateCompetency(
	ctx: AppContext,
	user: SessionUser | null,
	id: number,
	input: Omit<CompetencyInput, 'code'>
): Promise<void> {
	const actor = requirePermission(user, canManageCompetencies, 'manages competencies');
	const problems = checkInput({ ...input, code: '' }, false);
	if (problems.length) throw new Invalid(problems);
	await inTransaction(ctx.db, async (tx) => {
		if (!(await data.selectCompetencyById(tx, id))) throw new NotFound(`competency ${id}`);
		await data.updateCompetencyRow(tx, id, {
			name: input.name.trim(),
			description: input.description?.trim() ?? '',
			validityMonths: input.validityMonths
		});
		await audit(ctx, tx, actor.id, `competency:${id}`, { op: 'update', ...input });
	});
}

/** The framework: competencies and the rules that drive them (HR/admin). */
export async function listCompetencies(
	ctx: AppContext,
	user: SessionUser | null
): Promise<{ competencies: Competency[]; rules: data.CompetencyRule[] }> {
	requirePermission(user, canManageCompetencies, 'manages competencies');
	return {
		competencies: await data.selectCompetencies(ctx.db),
		rules: await data.selectRules(ctx.db)
	};
}

export interface RuleInput {
	competencyId: number;
	trigger: string;
	examPurpose?: string | null;
	examId?: number | null;
	courseId?: number | null;
}

/** Adds a rule: which exam purpose, exam, course or onboarding drives a competency. */
export async function addRule(
	ctx: AppContext,
	user: SessionUser | null,
	input: RuleInput
): Promise<data.CompetencyRule> {
	const actor = requirePermission(user, canManageCompetencies, 'manages competencies');
	const trigger = RULE_TRIGGERS.find((t) => t === input.trigger);
	if (!trigger) throw new Invalid([{ key: 'competency.error.trigger', field: 'trigger' }]);
	const purpose = EXAM_PURPOSES.find((p) => p === input.examPurpose) ?? null;
	const onExam = trigger === 'exam_pass' || trigger === 'spot_fail';
	if (onExam && !purpose && !input.examId)
		throw new Invalid([{ key: 'competency.error.examPurpose', field: 'examPurpose' }]);
	if (trigger === 'course_complete' && !input.courseId)
		throw new Invalid([{ key: 'competency.error.course', field: 'courseId' }]);
	return await inTransaction(ctx.db, async (tx) => {
		if (!(await data.selectCompetencyById(tx, input.competencyId)))
			throw new NotFound(`competency ${input.competencyId}`);
		const rule = await data.insertRule(tx, {
			competencyId: input.competencyId,
			trigger,
			examPurpose: onExam ? purpose : null,
			examId: onExam ? (input.examId ?? null) : null,
			courseId: trigger === 'course_complete' ? (input.courseId ?? null) : null,
			createdAt: ctx.clock.now()
		});
		await audit(ctx, tx, actor.id, `competency:${input.competencyId}`, { op: 'rule', trigger });
		return rule;
	});
}

/** Removes a rule; what it granted before stays in the records. */
export async function removeRule(
	ctx: AppContext,
	user: SessionUser | null,
	ruleId: number
): Promise<void> {
	const actor = requirePermission(user, canManageCompetencies, 'manages competencies');
	await inTransaction(ctx.db, async (tx) => {
		if (!(await data.deleteRule(tx, ruleId))) throw new NotFound(`rule ${ruleId}`);
		await audit(ctx, tx, actor.id, `rule:${ruleId}`, { op: 'rule_remove' });
	});
}

async function audit(
	ctx: AppContext,
	tx: Tx,
	actor: number,
	target: string,
	detail: object
): Promise<void> {
	await recordAuditIn(ctx, tx, {
		action: 'competency.define',
		actorStaffId: actor,
		target,
		detail: { ...detail }
	});
}
