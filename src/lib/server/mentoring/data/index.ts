// The mentoring data door: the only code that speaks SQL for mentoring. Sections by table.
export * from './days';
export * from './notes';
export * from './pairings';
export * from './tasks';
