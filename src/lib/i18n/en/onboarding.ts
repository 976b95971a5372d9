import type { onboarding as zh } from '../zh-CN/onboarding';

export const onboarding: Record<keyof typeof zh, string> = {
	'onboarding.placeholder': '—'
};
