export const roster = {} as const;
