// The calendar data door: the only code that speaks SQL for the working calendar.
export * from './overrides';
