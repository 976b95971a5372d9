/**
 * The competency domain's data door: the only code that speaks drizzle or SQL for competencies,
 * their rules and events, and certificates. Nothing outside src/lib/server/competency imports it.
 */
export * from './certificates';
export * from './competencies';
export * from './lookups';
