/**
 * The mentoring front door: mentor pairings, the practicum log and its signatures, mentoring notes
 * and the practicum checklist, for routes, the CLI and other domains. Each function acting for a
 * person checks a named permission first; the section for other domains takes no person.
 */

// ---- For people: pages and forms ----
export { readDayForm, readNoteForm } from './form';
export {
	getHomeMentoring,
	getMenteeLog,
	listMyMentees,
	type HomeMentoring,
	type Mentee,
	type MenteeLog
} from './mentees';
export { addMentoringNote, type NoteInput } from './notes';
export { correctPracticumDay, recordPracticumDay, type SignOffResult } from './practicum';
export { acknowledgeDay, countersignFinalDay } from './signatures';
export {
	addPracticumTask,
	listPracticumChecklists,
	setPracticumTaskRetired,
	type PositionChecklist
} from './tasks';
export type { DayInput } from './day-input';
export type { ChecklistTask } from './checklist';
export type { LogDay, LogEntry, Person } from './log';
export type { NoteRow, PairingRow } from './history';

// ---- For other domains: no person, the calling service has checked access ----
export { buildNotes, buildPairingHistory } from './history';
export { buildPracticumLog, checklistFor, nextDayNumber } from './log';
export {
	endPairing,
	insertPairing,
	selectCurrentDays,
	selectCurrentPairing,
	selectSignatures
} from './data';

// Steps of another domain's transaction (the demo seed): each is the service of the same name
// without opening its transaction (and, where it checks first, without the permission check).
export { addMentoringNoteStep } from './notes';
export { recordPracticumDayStep } from './practicum';
export { acknowledgeDayStep, countersignFinalDayStep } from './signatures';

// ---- For the demo seed, which configures the checklist as an office would ----
export { builtInTasksFor, CALL_AGENT_POSITION } from './checklist';
export { insertTasks, selectTaskRows } from './data';
