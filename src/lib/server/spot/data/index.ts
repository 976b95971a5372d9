/**
 * The spot domain's data door: the only code that speaks drizzle or SQL for spot campaigns,
 * their draws, drawn lists and events. Nothing outside src/lib/server/spot imports it.
 */
export * from './campaigns';
export * from './lookups';
export * from './tracking';
