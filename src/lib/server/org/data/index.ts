// The org domain's data door: the only code that speaks drizzle or SQL for branches, staff and
// their roles as the office sees them.
export * from './branch';
export * from './staff';
export * from './staff-role';
export * from './staff-lookups';
export * from './staff-transfer';
