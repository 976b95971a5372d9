// The roster domain's data door: the only code that speaks drizzle or SQL for roster imports,
// their commit jobs and staged writes, and the branches and people an import writes.
export * from './branch';
export * from './commit-job';
export * from './roster-import';
export * from './snapshot';
export * from './stage';
export * from './staff';
