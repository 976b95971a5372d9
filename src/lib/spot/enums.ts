// Spot-exam vocabularies, for the schema (db/schema/spot.ts), services and pages.

/** How a campaign's sample size is given: a share of each branch's people, or a count. */
export const SAMPLE_MODES = ['percent', 'count'] as const;
export type SampleMode = (typeof SAMPLE_MODES)[number];

/** Drawn people are tracked; alternates only once called up to replace an exempt person. */
export const ASSIGNMENT_ROLES = ['drawn', 'alternate'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const SPOT_EVENT_KINDS = ['absent', 'exempt', 'replaced_by', 'remedial'] as const;
export type SpotEventKind = (typeof SPOT_EVENT_KINDS)[number];

/** Where a tracked person stands (the rule: server spot/standing.ts). */
export type SpotStatus = 'exempt' | 'passed' | 'failed' | 'absent' | 'pending';
