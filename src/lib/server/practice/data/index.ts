// The practice data door: the only code that speaks drizzle or SQL for practice sessions, their
// checked answers, 顺序练习 cursors, 错题本 and knowledge-point mastery. Sections by table;
// every function takes the handle first.
export * from './sessions';
export * from './answers';
export * from './settings';
