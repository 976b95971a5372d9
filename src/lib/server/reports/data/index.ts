/**
 * The reports' data door: the only code of the reports that speaks drizzle or SQL, on this
 * thread or on the report worker's connection (../worker.ts runs what it is given). Nothing
 * outside src/lib/server/reports imports it.
 */
export * from './activity';
export * from './attempt-summary';
export * from './certification';
export * from './onboarding';
export * from './pass-rate-counts';
export * from './pass-rate-facts';
export * from './results';
export type { Statement } from './sql';
export * from './settings';
export * from './aml';
