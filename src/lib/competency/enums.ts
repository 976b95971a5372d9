// Competency vocabularies, for the schema (db/schema/competency.ts), services and the record pages.

/** What changes a competency. */
export const RULE_TRIGGERS = [
	'exam_pass',
	'spot_fail',
	'course_complete',
	'onboarding_complete'
] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

export const COMPETENCY_EVENT_KINDS = ['granted', 'needs_retest', 'revoked'] as const;
export type CompetencyEventKind = (typeof COMPETENCY_EVENT_KINDS)[number];

export const EVIDENCE_TYPES = ['attempt', 'course', 'onboarding', 'certificate', 'manual'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** A competency's status, derived from its history and today (server competency/status.ts). */
export type CompetencyStatus = 'competent' | 'needs_retest' | 'expired' | 'not_held';

/** A certificate's status: revoked, else expired once its expiry day has passed. */
export type CertificateStatus = 'valid' | 'expired' | 'revoked';
