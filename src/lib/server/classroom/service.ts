/**
 * The classroom front door: scheduling, rosters, attendance and sign-in codes for routes, the
 * CLI and other domains. Each function acting for a person checks a named permission first.
 */

// ---- For people: scheduling and running sessions, signing in ----
export {
	cancelSession,
	getEnrolOptions,
	getScheduleOptions,
	getSession,
	listSessions,
	scheduleSession,
	type ScheduleOptions,
	type SessionDetail
} from './schedule';
export type { RosterRow, SessionSummary } from './data';
export { readGroupForm, readScheduleForm, readStaffIds } from './form';
export {
	getHomeSessions,
	listMySessions,
	type HomeSessions,
	type MySession,
	type MySessions
} from './learner';
export { enrolByGroup, enrolStaff, markAttendance, unenrolStaff, type EnrolResult } from './roster';
export {
	getSignInQr,
	openSignIn,
	signInWithCode,
	signInWithQrToken,
	type RandomInt,
	type SignedIn
} from './sign-in';
export type { ScheduleInput } from './rules';

// ---- For other domains: no person, the calling service has checked access ----
export { countPersonTimes, type PersonTimeCount } from './learner';

// ---- For the demo seed, which replays a year of sessions inside its own transaction ----
// Steps: each is the service of the same name without opening its transaction (and, where it
// checks first, without the permission check).
export { courseKindOf, enrolStaffStep, markAttendanceStep, recordAttendance } from './roster';
export { scheduleSessionStep } from './schedule';
export { selectSessionSummaries } from './data';
export { listCurrentStaff, listTrainers, type CurrentStaff } from './staff';
