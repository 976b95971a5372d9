import { recordAudit } from '../audit/service';
import { canManageCompetencies, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { addMonths } from '../../time/days';
import { officeDay } from '../../time/office';
import { inTransaction, type Db } from '../db';
import { type Competency } from '../db/schema';
import { EXAM_PURPOSES } from '../../exams/enums';
import { RULE_TRIGGERS } from '../../competency/enums';
import { Invalid, NotFound, type Problem } from '../errors';
import * as q from './queries';

export type { CompetencyRule } from './queries';

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
		if (await q.selectCompetencyByCode(tx, input.code))
			throw new Invalid([{ key: 'competency.error.codeTaken', field: 'code' }]);
		const row = await q.insertCompetency(tx, {
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
		if (!(await q.selectCompetencyById(tx, id))) throw new NotFound(`competency ${id}`);
		await q.updateCompetencyRow(tx, id, {
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
): Promise<{ competencies: Competency[]; rules: q.CompetencyRule[] }> {
	requirePermission(user, canManageCompetencies, 'manages competencies');
	return { competencies: await q.selectCompetencies(ctx.db), rules: await q.selectRules(ctx.db) };
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
): Promise<q.CompetencyRule> {
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
		if (!(await q.selectCompetencyById(tx, input.competencyId)))
			throw new NotFound(`competency ${input.competencyId}`);
		const rule = await q.insertRule(tx, {
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
		if (!(await q.deleteRule(tx, ruleId))) throw new NotFound(`rule ${ruleId}`);
		await audit(ctx, tx, actor.id, `rule:${ruleId}`, { op: 'rule_remove' });
	});
}

async function audit(
	ctx: AppContext,
	db: Db,
	actor: number,
	target: string,
	detail: object
): Promise<void> {
	await recordAudit(
		ctx,
		{ action: 'competency.define', actorStaffId: actor, target, detail: { ...detail } },
		db
	);
}

export interface Evidence {
	type: 'attempt' | 'course' | 'onboarding' | 'certificate' | 'manual';
	ref: string;
}

/** Grants a competency from today for its validity; internal, called by the rule hooks in `db`. */
export async function grantCompetency(
	ctx: AppContext,
	db: Db,
	input: { staffId: number; competencyId: number; evidence: Evidence; recordedBy?: number | null }
): Promise<string> {
	const comp = await q.selectCompetencyById(db, input.competencyId);
	if (!comp) throw new NotFound(`competency ${input.competencyId}`);
	const now = ctx.clock.now();
	// validUntil is the last valid day, matching a certificate's expiresOn: issued + months.
	const validUntil = addMonths(officeDay(now), comp.validityMonths);
	await q.insertEvent(db, {
		staffId: input.staffId,
		competencyId: comp.id,
		kind: 'granted',
		validUntil,
		evidenceType: input.evidence.type,
		evidenceRef: input.evidence.ref,
		occurredAt: now,
		recordedBy: input.recordedBy ?? null
	});
	return validUntil;
}

/** Marks a competency "needs retest" (a failed spot exam); internal, called in `db`. */
export async function markNeedsRetest(
	ctx: AppContext,
	db: Db,
	input: { staffId: number; competencyId: number; evidence: Evidence }
): Promise<void> {
	await q.insertEvent(db, {
		staffId: input.staffId,
		competencyId: input.competencyId,
		kind: 'needs_retest',
		validUntil: null,
		evidenceType: input.evidence.type,
		evidenceRef: input.evidence.ref,
		occurredAt: ctx.clock.now(),
		recordedBy: null
	});
}
