import type { calendar as zh } from '../zh-CN/calendar';

export const calendar: Record<keyof typeof zh, string> = {
	'calendar.title': 'Working calendar',
	'calendar.nav': 'Working calendar',
	'calendar.intro':
		"Working days follow the State Council's holiday schedule (the Spring Festival and National Day weeks off, the make-up weekend days on). Record the office's own closed or working days here; practicum days, onboarding due dates and class-hour pace are counted on this calendar.",
	'calendar.scheduled':
		"The State Council's schedule is built in up to {year}; later years count Monday to Friday until it is published and the system updated: enter their holidays and make-up working days here meanwhile.",
	'calendar.form.heading': 'Record an office day',
	'calendar.form.day': 'Date',
	'calendar.form.kind': 'On this day the office is',
	'calendar.form.closed': 'Closed',
	'calendar.form.working': 'Working',
	'calendar.form.note': 'Note (optional)',
	'calendar.form.submit': 'Save',
	'calendar.form.done': 'Saved {date}.',
	'calendar.list.heading': "The office's own days",
	'calendar.list.empty': "None yet: working days follow the State Council's schedule alone.",
	'calendar.col.day': 'Date',
	'calendar.col.office': 'Office',
	'calendar.col.stateCouncil': 'State Council',
	'calendar.col.note': 'Note',
	'calendar.col.actions': 'Actions',
	'calendar.working': 'Working',
	'calendar.closed': 'Closed',
	'calendar.remove': 'Remove',
	'calendar.remove.label': 'Remove the entry for {date}',
	'calendar.remove.done': "Removed {date}; it follows the State Council's schedule again.",
	'calendar.error.badDay': 'Enter a real date, e.g. 2026-10-09.',
	'calendar.error.noteTooLong': 'The note can be at most {max} characters.',
	'audit.action.calendar.change': 'Working calendar change'
};
