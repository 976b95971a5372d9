// The office clock and calendar, for server and browser alike (see office.ts for why it is exact).
export * from './days';
export * from './format';
export * from './office';
