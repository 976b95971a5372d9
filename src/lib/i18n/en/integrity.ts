import type { integrity as zh } from '../zh-CN/integrity';

export const integrity: Record<keyof typeof zh, string> = {
	'integrity.form.switchLimit': 'Switch-away limit (formal exams)',
	'integrity.form.fullscreen': 'Require full screen (leaving it counts as a switch)',
	'integrity.form.hint':
		'Formal exams record every time the examinee leaves the exam page and block copying and pasting the question text. With a limit, the exam is submitted when it is reached; left empty, switches are only recorded. Practice is never recorded.',
	'integrity.error.limit':
		'Enter a whole number from 1 to {max} for the switch limit, or leave it empty.',
	'integrity.error.practice': 'Practice quizzes have no switch limit or full-screen rule.',
	'integrity.error.malformed': 'The switch report was malformed; reload the page.',
	'integrity.error.notMonitored': 'This exam does not record switches.',
	'integrity.rules.heading': 'Exam rules',
	'integrity.rules.record':
		'Leaving the exam page (another tab, window or app) counts as a switch and is recorded on your attempt.',
	'integrity.rules.limit': 'At {limit} switches the exam is submitted automatically.',
	'integrity.rules.noLimit': 'Switches do not submit the exam, but each one is recorded.',
	'integrity.rules.copy':
		'Copying, cutting, pasting and the context menu are blocked on the question text.',
	'integrity.rules.fullscreen':
		'Take the exam in full screen: leaving full screen counts as a switch.',
	'integrity.take.count': 'Switches {count}/{limit}',
	'integrity.take.countNoLimit': 'Switches {count}',
	'integrity.take.warn':
		'You left the exam page (switch {count} of {limit}). At the limit the exam is submitted automatically.',
	'integrity.take.warnNoLimit': 'You left the exam page (switch {count}); it has been recorded.',
	'integrity.take.submitted': 'The switch limit was reached and your exam has been submitted.',
	'integrity.take.copyBlocked': 'Copying and pasting the question text is blocked during the exam.',
	'integrity.take.fullscreen': 'This exam is taken in full screen; leaving it counts as a switch.',
	'integrity.take.enterFullscreen': 'Enter full screen',
	'integrity.record.heading': 'Switch record',
	'integrity.record.disclaimer':
		'Switches are a deterrent and a record, not proof of cheating: a notification or pop-up also takes focus away, and a browser can be made not to report.',
	'integrity.record.none': 'No switches were recorded.',
	'integrity.record.summary': '{count} in all',
	'integrity.record.summaryLimit': '{count} in all (limit {limit})',
	'integrity.record.atLimit': 'The switch limit was reached and the system submitted the exam.',
	'integrity.record.colTime': 'Time (Beijing)',
	'integrity.record.colKind': 'Kind',
	'integrity.kind.hidden': 'Page hidden or switched away',
	'integrity.kind.blur': 'Window lost focus',
	'integrity.kind.fullscreen': 'Left full screen'
};
