export const onboarding = {
	'onboarding.placeholder': '—'
} as const;
