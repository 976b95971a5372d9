import type { learning as zh } from '../zh-CN/learning';

export const learning: Record<keyof typeof zh, string> = {
	'learning.courseRetired': 'This course has been retired; lessons can no longer be completed.',
	'hours.kind.remote': 'Remote training',
	'hours.kind.centralized': 'Centralized training',
	'hours.kind.self_study': 'Self-study',
	'hours.kind.onboarding': 'Onboarding',
	'hours.source.lesson': 'Lesson',
	'hours.source.session': 'Classroom attendance',
	'hours.source.manual': 'Manual entry',
	'hours.source.correction': 'Correction',
	'hours.notPositive': 'Hours must be a number above 0 and at most 100.',
	'hours.badKind': 'Choose a kind: remote, centralized, self-study or onboarding.',
	'hours.badDate': 'That date does not exist; use YYYY-MM-DD.',
	'hours.reasonRequired': 'Give a reason so the entry can be checked later.',
	'hours.badCorrection': 'The corrected hours must be a number of 0 or more.',
	'hours.correctOriginal': 'Correct the original entry, not a correction.',
	'hours.noChange': 'The corrected hours equal the current hours; nothing to correct.',
	'hours.positionRequired': 'Enter a position (* sets the default for every position).',
	'hours.badRequirement': 'A requirement must be a number from 0 to 1000.'
};
