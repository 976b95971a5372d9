// The organisation's fixed vocabularies, for the schema (db/schema/org.ts), the services and the
// browser alike: one definition, so a new value cannot reach one and miss another.

export const BRANCH_TYPES = ['head_office', 'urban', 'rural', 'agency', 'call_center'] as const;
export type BranchType = (typeof BRANCH_TYPES)[number];

export const STAFF_STATUSES = ['active', 'onboarding', 'left'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** What a person may do is decided from these by named permissions (server auth/permissions.ts). */
export const ROLES = ['learner', 'mentor', 'trainer', 'branch_manager', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];
