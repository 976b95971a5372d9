/**
 * The competency domain's front door: the framework (HR/admin), competency records, certificates
 * and what lapses soon. Routes, the CLI and other domains come in here; the functions live in
 * files named for their idea and are gathered here.
 */
import type { AppContext } from '../context';
import type { Tx } from '../db';
import type { Competency, CompetencyEvent } from '../db/schema';
import * as data from './data';

export {
	addRule,
	defineCompetency,
	listCompetencies,
	removeRule,
	updateCompetency,
	type CompetencyInput,
	type RuleInput
} from './framework';
export type { CompetencyRule, NewCompetency, NewRule } from './data';
export {
	getCertificate,
	revokeCertificate,
	verifyCertificate,
	type CertificateView,
	type Verification
} from './certificates';
export {
	listExpiring,
	type ExpiringCertificate,
	type ExpiringCompetency,
	type ExpiringLists
} from './expiring';
export { getCompetencyManagePage, type ManagePage } from './manage-page';
export { getRecord, getRecordByEmployeeNo, type RecordRow, type RecordView } from './record';

// ---------------------------------------------------------------------------------------------
// For other domains. No person: the calling service has already checked access.
// ---------------------------------------------------------------------------------------------

/** Steps of the caller's transaction: an attempt graded, a lesson completed, a plan cleared. */
export { applyCourseRules, applyExamRules, applyOnboardingRules } from './apply-rules';
export { grantCompetency, markNeedsRetest, type Evidence } from './grants';
export {
	cryptoRandom,
	issueCertificate,
	makeVerificationCode,
	type RandomSource
} from './certificates';
/** The standing rule, for reports that lay it out per person. */
export {
	deriveStanding,
	isExpiringWithin,
	type CompetencyStanding,
	type StatusEvent
} from './status';

/** Every competency of the framework, by code. */
export async function listAllCompetencies(ctx: AppContext): Promise<Competency[]> {
	return await data.selectCompetencies(ctx.db);
}

/** Every event of some people (all when null), oldest first. */
export async function listCompetencyEvents(
	ctx: AppContext,
	staffIds: number[] | null
): Promise<CompetencyEvent[]> {
	return await data.selectEvents(ctx.db, staffIds);
}

/**
 * Demo generation only: a competency as the demo plans it, backdated and without an audit entry
 * (nobody defined it), inside the demo's transaction.
 */
export async function seedCompetency(
	_ctx: AppContext,
	tx: Tx,
	row: data.NewCompetency
): Promise<Competency> {
	return await data.insertCompetency(tx, row);
}

/** Demo generation only: a rule, backdated and without an audit entry. */
export async function seedRule(
	_ctx: AppContext,
	tx: Tx,
	row: data.NewRule
): Promise<data.CompetencyRule> {
	return await data.insertRule(tx, row);
}
