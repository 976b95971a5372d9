// The hours data door: the only code that speaks SQL for class hours. Sections by table.
export * from './entries';
export * from './requirements';
