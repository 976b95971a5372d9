// The exams data door: the only code that speaks drizzle or SQL for exam definitions, attempts,
// their answers and extra time. Sections by table; every function takes the handle first.
export * from './attempt-answers';
export * from './attempt-lists';
export * from './attempt-switches';
export * from './attempts';
export * from './exam-definitions';
export * from './extra-time';
