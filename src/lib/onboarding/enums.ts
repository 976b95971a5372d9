// Onboarding vocabularies, for the schema (db/schema/onboarding.ts), services and pages.

export const PLAN_STATUSES = ['open', 'cleared', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
