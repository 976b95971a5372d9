// The courses data door: the only code that speaks SQL for courses. Sections by table.
export * from './completers';
export * from './completions';
export * from './courses';
export * from './lessons';
export * from './study';
