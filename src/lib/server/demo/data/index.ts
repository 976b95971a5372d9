/**
 * The demo domain's data door: the only code of the demo seed that speaks drizzle or SQL. The
 * rest of the demo goes through the other domains' services. Nothing outside the demo imports it.
 */
export * from './lookups';
export * from './organisation';
