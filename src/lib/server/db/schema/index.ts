export * from './org';
export * from './auth';
export * from './audit';
export * from './imports';
export * from './courses';
export * from './hours';
export * from './classroom';
export * from './onboarding';
