// The auth domain's data door: the only code that speaks drizzle or SQL for sessions, sign-in
// records and the sign-in throttle.
export * from './session';
export * from './staff';
export * from './login-failure';
export * from './login-captcha';
