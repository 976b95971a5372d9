import type { org as zh } from '../zh-CN/org';

export const org: Record<keyof typeof zh, string> = {};
