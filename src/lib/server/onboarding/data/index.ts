// The onboarding data door: the only code that speaks SQL for onboarding. Sections by table.
export * from './exams';
export * from './plans';
export * from './staff';
