import type { study as zh } from '../zh-CN/study';

export const study: Record<keyof typeof zh, string> = {
	'study.notYet':
		'This lesson needs at least {required} min of study; {left} min to go. Keep studying, then choose Complete lesson.',
	'study.badBeat': 'The study timer request was not understood. Reload the page.',
	'study.left': '{time} left to study',
	'study.spent': 'Studied {time} of at least {required}',
	'study.counting': 'Time counts while this page is open and visible.',
	'study.paused': 'The page is hidden: the timer is paused.',
	'study.offline': 'The timer cannot reach the server. Check the network.',
	'study.minutes': '{minutes} min',
	'study.minSec': '{minutes} min {seconds} s',
	'study.nav': 'Study time',
	'study.title': 'Study time per lesson',
	'study.intro':
		'Time on each lesson is counted by the server from the page’s heartbeats (every 15 s while the page is visible; at most 45 s between two). A lesson can be completed, and its class hours credited, only after its minimum time; centralized hours still come from attendance.',
	'study.course': 'Course',
	'study.lesson': 'Lesson',
	'study.required': 'Minimum (min)',
	'study.learners': 'Learners',
	'study.completed': 'Completed',
	'study.total': 'Total (min)',
	'study.average': 'Average (min)',
	'study.spentCol': 'Studied (min)',
	'study.doneCol': 'Completed',
	'study.empty': 'No study time recorded yet.',
	'study.personHeading': 'Study time per lesson',
	'study.officeTotal': 'Total'
};
