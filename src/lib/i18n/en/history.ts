import type { history as zh } from '../zh-CN/history';

// A person's history of branches and positions (issue 14, item 7).
export const history: Record<keyof typeof zh, string> = {
	'history.heading': 'History',
	'history.none': 'No transfers recorded.',
	'history.effectiveOn': 'Effective',
	'history.branch': 'Branch',
	'history.position': 'Position',
	'history.move': '{from} → {to}',
	'history.source': 'Source',
	'history.source.import': 'Roster import',
	'history.source.other': 'Other',
	'history.note':
		'Exams, spot exams, class hours and onboarding from before a transfer still count for the branch and position the person had then.'
};
