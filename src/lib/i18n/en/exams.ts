import type { exams as zh } from '../zh-CN/exams';

export const exams: Record<keyof typeof zh, string> = {
	'exams.error.malformedAnswer':
		'This answer was not saved: what was sent is not a valid answer. Reload the page and answer again; if it keeps happening, tell the invigilator.',
	'exams.error.deadlinePassed':
		'Time is up, so answers can no longer be changed. Your saved answers are submitted and graded automatically; see the result under My exams.',
	'exams.error.alreadySubmitted':
		'This paper has already been submitted, so answers can no longer be changed. See the result under My exams.',
	'exams.error.ruleShort':
		'Blueprint rule {rule} is short by {short} questions. Add matching questions to the bank, or loosen the rule or lower its count.',
	'exams.error.ruleInvalid':
		'Blueprint rule {rule} is not valid: the count must be a positive whole number, points above 0 with at most one decimal, the lowest difficulty not above the highest, and rule ids unique. Correct it and save again.'
};
