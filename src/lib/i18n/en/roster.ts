import type { roster as zh } from '../zh-CN/roster';

export const roster: Record<keyof typeof zh, string> = {};
