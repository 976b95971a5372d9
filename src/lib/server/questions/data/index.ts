// The questions data door: the only code that speaks drizzle or SQL for question banks, questions,
// their versions and question imports. Sections by table; every function takes the handle first.
export * from './banks';
export * from './imports';
export * from './pool';
export * from './question-list';
export * from './questions';
