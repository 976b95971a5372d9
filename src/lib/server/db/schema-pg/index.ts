// The PostgreSQL schema, for drizzle-kit (`npm run db:generate`) and the schema agreement test:
// each SQLite table's twin, as a named export (what drizzle-kit reads). A table added to the
// SQLite schema must be listed here too; tests/unit/db/schema-agreement.test.ts says so if not.
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as sqlite from '../schema';
import { derivePgTables } from './derive';

export const pgTables = derivePgTables(
	(Object.values(sqlite) as unknown[]).filter((v): v is SQLiteTable => v instanceof SQLiteTable)
);

function table(name: string) {
	const t = pgTables.get(name);
	if (!t) throw new Error(`no table ${name} in the SQLite schema`);
	return t;
}

export const attempt = table('attempt');
export const attemptAnswer = table('attempt_answer');
export const attemptMonthSummary = table('attempt_month_summary');
export const attemptSwitch = table('attempt_switch');
export const auditEvent = table('audit_event');
export const branch = table('branch');
export const certificate = table('certificate');
export const classSession = table('class_session');
export const competency = table('competency');
export const competencyEvent = table('competency_event');
export const competencyRule = table('competency_rule');
export const course = table('course');
export const courseModule = table('course_module');
export const courseVersion = table('course_version');
export const examDefinition = table('exam_definition');
export const extraTime = table('extra_time');
export const hourEntry = table('hour_entry');
export const hourRequirement = table('hour_requirement');
export const lesson = table('lesson');
export const lessonCompletion = table('lesson_completion');
export const lessonStudy = table('lesson_study');
export const loginCaptcha = table('login_captcha');
export const loginFailure = table('login_failure');
export const mentorPairing = table('mentor_pairing');
export const mentoringNote = table('mentoring_note');
export const onboardingPlan = table('onboarding_plan');
export const practicumDay = table('practicum_day');
export const practicumSignature = table('practicum_signature');
export const practicumTask = table('practicum_task');
export const question = table('question');
export const questionBank = table('question_bank');
export const questionImport = table('question_import');
export const questionVersion = table('question_version');
export const rosterCommitJob = table('roster_commit_job');
export const rosterImport = table('roster_import');
export const rosterStageRole = table('roster_stage_role');
export const rosterStageStaff = table('roster_stage_staff');
export const rosterVersion = table('roster_version');
export const session = table('session');
export const sessionAttendance = table('session_attendance');
export const sessionEnrolment = table('session_enrolment');
export const signInThrottle = table('sign_in_throttle');
export const spotAssignment = table('spot_assignment');
export const spotCampaign = table('spot_campaign');
export const spotDraw = table('spot_draw');
export const spotEvent = table('spot_event');
export const staff = table('staff');
export const staffRole = table('staff_role');
export const staffTransfer = table('staff_transfer');
export const calendarOverride = table('calendar_override');
export const practiceSession = table('practice_session');
export const practiceCheck = table('practice_check');
export const practiceCursor = table('practice_cursor');
export const notebookMastery = table('notebook_mastery');
export const practiceSetting = table('practice_setting');
export const reportSetting = table('report_setting');
