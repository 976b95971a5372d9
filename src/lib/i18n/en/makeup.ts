import type { makeup as zh } from '../zh-CN/makeup';

export const makeup: Record<keyof typeof zh, string> = {
	'makeup.title': 'Make-up exam',
	'makeup.list.heading': 'Make-up list',
	'makeup.list.intro':
		'Everyone who failed at the first try: whether they completed the remedial lesson, whether they retook the exam, and the result.',
	'makeup.list.noRemedial':
		'This campaign names no remedial lesson: people who failed may retake the exam at once.',
	'makeup.list.none': 'Nobody has failed.',
	'makeup.col.person': 'Person',
	'makeup.col.branch': 'Branch',
	'makeup.col.first': 'First try',
	'makeup.col.remedial': 'Remedial lesson',
	'makeup.col.retaken': 'Make-up exam',
	'makeup.col.result': 'Result',
	'makeup.col.attempt': 'Attempt',
	'makeup.remedial.notRequired': 'None named',
	'makeup.remedial.done': 'Completed',
	'makeup.remedial.notDone': 'Not completed',
	'makeup.retaken.yes': 'Retaken',
	'makeup.retaken.no': 'Not yet',
	'makeup.result.passed': 'Passed the make-up exam',
	'makeup.result.failed': 'Failed the make-up exam',
	'makeup.result.retesting': 'Taking the make-up exam',
	'makeup.result.awaitingRetest': 'Make-up exam not yet taken',
	'makeup.view': 'View attempt',
	'makeup.error.remedialFirst': 'Complete the remedial lesson first, then take the make-up exam.',
	'makeup.me.remedialFirst': 'The make-up exam opens once you have completed the remedial lesson.',
	'makeup.me.remedialDone': 'You have completed the remedial lesson: the make-up exam is open.',
	'makeup.me.remedialLink': 'Study the remedial lesson',
	'makeup.me.facts': 'About this exam',
	'makeup.window': '{from} to {to} (Beijing time)',
	'makeup.my.spotHeading': 'Spot exams and make-up exams',
	'makeup.my.spotIntro': 'Spot exams you were drawn for, and the make-up exam after a fail.',
	'makeup.my.open': 'Open the exam',
	'makeup.my.retestOpen': 'Make-up exam open',
	'exams.landing.notNewHire': 'The onboarding exam is for new hires only.',
	'exams.landing.beijing': ' (Beijing time)',
	'exams.save.onDevice': 'Kept on this device; saved when the network is back',
	'exams.save.notStored':
		'Not saved, and this device could not keep it: keep the page open, it will retry'
};
