// The classroom data door: the only code that speaks SQL for sessions. Sections by table.
export * from './enrolment';
export * from './sessions';
export * from './throttle';
