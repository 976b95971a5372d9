export const classroom = {
	'classroom.placeholder': '—'
} as const;
