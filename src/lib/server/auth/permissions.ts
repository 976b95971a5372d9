/**
 * Who may do what: one named permission per decision, the only place roles are turned into
 * rights. Services check one in their first lines (requirePermission); routes ask the same ones
 * for what they show. Deny by default: a person holds a right only through a group below.
 * The route table (policies.ts) is the outer wall and admits by the same groups.
 */
import type { Role } from '../../org/enums';
import { Forbidden } from '../errors';
import { requireUser } from './guards';
import type { SessionUser } from './session';

type Group = readonly Role[];

/** HR and admin: the office, every branch. */
export const OFFICE_WIDE = ['hr', 'admin'] as const satisfies Group;
/** Whoever manages people: a branch manager their own branch, HR and admin every branch. */
export const MANAGERS = ['branch_manager', 'hr', 'admin'] as const satisfies Group;
/** Whoever runs training: trainers, HR and admin. */
export const TRAINING = ['trainer', 'hr', 'admin'] as const satisfies Group;
/** Who reads class hours beyond their own: managers and trainers. */
export const HOURS_VIEWERS = ['branch_manager', 'trainer', 'hr', 'admin'] as const satisfies Group;
export const MENTORS = ['mentor'] as const satisfies Group;
const ADMINS = ['admin'] as const satisfies Group;
const BRANCH_MANAGERS = ['branch_manager'] as const satisfies Group;
const LEARNERS = ['learner'] as const satisfies Group;
const PRACTICUM_EDITORS = ['mentor', 'hr', 'admin'] as const satisfies Group;

/** True when the person holds any role of `group`. */
export function holdsAny(user: SessionUser, group: Group): boolean {
	return group.some((role) => user.roles.includes(role));
}

export type Permission = (user: SessionUser) => boolean;

/** Deny unless someone is signed in and `can` says yes; `reason` goes to the log, not the page. */
export function requirePermission(
	user: SessionUser | null | undefined,
	can: Permission,
	reason: string
): SessionUser {
	const signedIn = requireUser(user);
	if (!can(signedIn)) throw new Forbidden(reason);
	return signedIn;
}

const group =
	(g: Group): Permission =>
	(user) =>
		holdsAny(user, g);

// People and branches
/** Sees and acts for every branch, not only their own. */
export const isOfficeWide = group(OFFICE_WIDE);
/** Has a home page and records of their own to learn by. */
export const isLearner = group(LEARNERS);
/** Manages the people of their own branch (as branch manager, whatever else they are). */
export const managesOwnBranch = group(BRANCH_MANAGERS);
/** Reads the staff and records of a branch: their own, or every one office-wide. */
export const canSeeBranchStaff = group(MANAGERS);
/** Changes roles and disables people. */
export const canManageStaff = group(OFFICE_WIDE);
/** Grants or removes the admin role, disables an admin, resets an admin's password. */
export const canManageAdmins = group(ADMINS);
export const canResetPasswords = group(OFFICE_WIDE);
export const canImportRoster = group(OFFICE_WIDE);
export const canSeeAudit = group(OFFICE_WIDE);

/** HR and admin see every branch; a branch manager only their own. */
export function canSeeBranch(user: SessionUser, branchId: number): boolean {
	return isOfficeWide(user) || (managesOwnBranch(user) && user.branchId === branchId);
}

export function requireBranchAccess(user: SessionUser, branchId: number): void {
	if (!canSeeBranch(user, branchId)) throw new Forbidden(`branch ${branchId} is out of scope`);
}

/** The branches a manager may look at: null means all. Throws when the person manages none. */
export function branchScope(user: SessionUser): number[] | null {
	if (isOfficeWide(user)) return null;
	if (managesOwnBranch(user)) return [user.branchId];
	throw new Forbidden('no branch scope');
}

// Class hours and classroom sessions
/** Trainers run training for the whole office, so they read every branch's hours. */
const seesEveryonesHours = group(TRAINING);
export const canSeeHourRequirements = group(HOURS_VIEWERS);
export const canSetHourRequirements = group(OFFICE_WIDE);
/** Manual entries: hours earned outside the system (external training, a lost sign-in sheet). */
export const canRecordHours = group(TRAINING);
/** Corrections change what someone is credited with. */
export const canCorrectHours = group(OFFICE_WIDE);

/** The branches whose hours `user` may list: null means all. Deny anyone else. */
export function hoursScope(user: SessionUser): number[] | null {
	if (seesEveryonesHours(user)) return null;
	if (managesOwnBranch(user)) return [user.branchId];
	throw new Forbidden('no class-hour scope');
}

/** Everyone sees their own hours; trainers and the office everyone's; a manager their branch. */
export function canSeeHoursOf(
	user: SessionUser,
	person: { id: number; branchId: number }
): boolean {
	if (user.id === person.id) return true;
	if (seesEveryonesHours(user)) return true;
	return managesOwnBranch(user) && user.branchId === person.branchId;
}

/** Schedules and runs classroom sessions (a trainer their own ones). */
export const canRunSessions = group(TRAINING);
/** Manages every session and names its trainer. */
export const canManageAnySession = group(OFFICE_WIDE);

// Onboarding and mentoring
/** Opens, follows and cancels onboarding plans of the branches they see. */
export const canManageOnboarding = group(MANAGERS);
/** Corrects any plan's record, whoever the mentor. */
export const canCorrectOnboarding = group(OFFICE_WIDE);
export const canManagePracticumTasks = group(OFFICE_WIDE);
export const canMentor = group(MENTORS);
/** Corrects a practicum day: the current mentor of the plan, or the office. */
export const canCorrectPracticum = group(PRACTICUM_EDITORS);

/**
 * Countersigns a new hire's final practicum day: only the manager of that person's branch, as
 * the countersignature vouches for what happened there (HR or admin is not enough).
 */
export function canCountersignFor(user: SessionUser, branchId: number): boolean {
	return managesOwnBranch(user) && user.branchId === branchId;
}

// Questions and exams
/** Edits question banks: their answer keys are secret. */
export const canManageBanks = group(TRAINING);
export const canDefineExam = group(TRAINING);
export const canGrantExtraTime = group(TRAINING);
export const canAnalyseItems = group(TRAINING);
/** Reads anyone's submitted attempt, not only their own. */
export const canReviewAnyAttempt = group(TRAINING);

// Spot exams, competencies, reports
/** Follows spot campaigns and records absences, exemptions and alternates in their branches. */
export const canTrackSpot = group(MANAGERS);
/** Creates, draws and redraws spot campaigns. */
export const canManageSpotCampaigns = group(OFFICE_WIDE);
export const canManageCompetencies = group(OFFICE_WIDE);
export const canRevokeCertificate = group(OFFICE_WIDE);
/** Reports and the dashboard, over the branches of branchScope. */
export const canSeeReports = group(MANAGERS);
/** Sets the office's own closed and working days on the working calendar. */
export const canManageCalendar = group(OFFICE_WIDE);

// Practice: 错题本, practice sessions, knowledge-point mastery
/** Practises, keeps a 错题本 and sees their own mastery: anyone still on the staff. */
export const canPractise: Permission = (user) => user.status !== 'left';
/** Sets the office's practice rules (how many right answers take a question out of 错题本). */
export const canSetPracticeRules = group(TRAINING);

/**
 * Sees the knowledge-point mastery of a branch's people (or, with null, of the whole office):
 * trainers and the office every branch, a branch manager their own.
 */
export function canSeeKnowledgeOf(user: SessionUser, branchId: number | null): boolean {
	if (holdsAny(user, TRAINING)) return true;
	return branchId !== null && managesOwnBranch(user) && user.branchId === branchId;
}

/** Sets the office's report settings (pass-rate threshold, regulator institution code). */
export const canSetReportSettings = group(OFFICE_WIDE);
/** Files the office's returns to the regulator (the People's Bank AML training table). */
export const canFileRegulatorReturns = group(OFFICE_WIDE);
