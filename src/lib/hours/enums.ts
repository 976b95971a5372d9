// Class-hour vocabularies, for the schema (db/schema/courses.ts, hours.ts), services and pages.

/** The kinds of class hours; remote and centralized have yearly requirements. */
export const HOUR_KINDS = ['remote', 'centralized', 'self_study', 'onboarding'] as const;
export type HourKind = (typeof HOUR_KINDS)[number];

/** Where an hour entry came from: a lesson, a class session, a manual entry, a correction. */
export const HOUR_SOURCES = ['lesson', 'session', 'manual', 'correction'] as const;
export type HourSource = (typeof HOUR_SOURCES)[number];

/** The kinds with a yearly requirement per position (the others only count). */
export const REQUIRED_HOUR_KINDS = ['remote', 'centralized'] as const satisfies readonly HourKind[];
export type RequiredHourKind = (typeof REQUIRED_HOUR_KINDS)[number];
