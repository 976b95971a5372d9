import type { classroom as zh } from '../zh-CN/classroom';

export const classroom: Record<keyof typeof zh, string> = {
	'classroom.placeholder': '—'
};
