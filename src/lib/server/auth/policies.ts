import type { Role } from '../../org/enums';
import type { SessionUser } from './session';
import {
	HOURS_VIEWERS,
	holdsAny,
	MANAGERS,
	MENTORS,
	OFFICE_WIDE as OFFICE,
	TRAINING
} from './permissions';

/**
 * Who may reach each route, by SvelteKit route id. The hook denies any route missing here, and
 * a test fails when a route file exists without an entry. Loads, actions and endpoints still
 * check access themselves through their services: this table is the outer wall, not the only one.
 */
export type RoutePolicy = 'public' | 'signed-in' | readonly Role[];

export const ROUTE_POLICIES: Record<string, RoutePolicy> = {
	'/(public)/login': 'public',
	'/healthz': 'public',
	'/locale': 'public',
	'/logout': 'signed-in',
	'/(app)': 'signed-in',
	'/(app)/password': 'signed-in',
	'/(app)/manage/staff': MANAGERS,
	'/(app)/manage/staff/[employeeNo]': MANAGERS,
	'/(app)/manage/branches/[code]': MANAGERS,
	'/(app)/manage/import': OFFICE,
	'/(app)/manage/import/[id]': OFFICE,
	'/(app)/manage/import/[id]/passwords.csv': OFFICE,
	'/(app)/manage/audit': OFFICE,
	'/(app)/manage/audit/export.csv': OFFICE,
	// learning: courses, lessons, class hours
	'/(app)/learn': 'signed-in',
	'/(app)/learn/[course]': 'signed-in',
	'/(app)/learn/[course]/[module]/[lesson]': 'signed-in',
	'/(app)/hours': 'signed-in',
	'/(app)/manage/hours': HOURS_VIEWERS,
	'/(app)/manage/hours/[employeeNo]': HOURS_VIEWERS,
	'/(app)/manage/requirements': OFFICE,
	// classroom sessions
	'/(app)/sessions': 'signed-in',
	'/(app)/manage/sessions': TRAINING,
	'/(app)/manage/sessions/[id]': TRAINING,
	// onboarding and mentoring
	'/(app)/onboarding': 'signed-in',
	'/(app)/mentoring': MENTORS,
	'/(app)/mentoring/[planId]': MENTORS,
	'/(app)/manage/onboarding': MANAGERS,
	'/(app)/manage/onboarding/[id]': MANAGERS,
	'/(app)/manage/practicum-tasks': OFFICE,
	// question banks
	'/(app)/manage/banks': TRAINING,
	'/(app)/manage/banks/[bankId]': TRAINING,
	'/(app)/manage/banks/[bankId]/questions/[questionId]': TRAINING,
	'/(app)/manage/banks/import': TRAINING,
	'/(app)/manage/banks/import/[id]': TRAINING,
	// exams: taking (the owner check is in the services) and defining
	'/(app)/manage/exams': TRAINING,
	'/(app)/manage/exams/[examId]': TRAINING,
	'/(app)/manage/exams/[examId]/extra-time': TRAINING,
	'/api/attempts/[id]/answers': 'signed-in',
	'/api/exams/[examId]/attempts': 'signed-in',
	'/(app)/exams': 'signed-in',
	'/(app)/exams/[examId]': 'signed-in',
	'/(app)/attempts/[attemptId]': 'signed-in',
	'/(app)/attempts/[attemptId]/result': 'signed-in',
	// competency: records, the framework, certificates and their public check
	'/(app)/record': 'signed-in',
	'/(app)/manage/staff/[employeeNo]/record': MANAGERS,
	'/(app)/manage/competencies': OFFICE,
	'/(app)/certificates/[id]': 'signed-in',
	'/(public)/verify/[code]': 'public',
	// item analysis
	'/(app)/manage/exams/[examId]/items': TRAINING,
	// spot exams
	'/(app)/manage/spot': MANAGERS,
	'/(app)/manage/spot/[id]': MANAGERS,
	'/(app)/spot/[campaignId]': 'signed-in',
	// reports
	'/(app)/manage/reports': MANAGERS,
	'/(app)/manage/reports/[name]': MANAGERS,
	'/(app)/manage/reports/[name]/export.csv': MANAGERS,
	'/(app)/manage/reports/results': MANAGERS,
	'/(app)/manage/reports/results/export.csv': MANAGERS,
	// exam integrity (切屏): the owner reports switches; the service checks the owner
	'/api/attempts/[id]/switches': 'signed-in',
	// study time: heartbeats from an open lesson page, and time spent per lesson
	'/(app)/learn/[course]/[module]/[lesson]/study': 'signed-in',
	'/(app)/manage/study-time': HOURS_VIEWERS,
	// QR sign-in: the trainer's rotating code and the page a scanning phone opens
	'/(app)/manage/sessions/[id]/sign-in-qr': TRAINING,
	'/(app)/sessions/scan/[token]': 'signed-in',
	// the office's working calendar
	'/(app)/manage/calendar': OFFICE,
	// practice: 错题本, practice sessions, knowledge-point mastery
	'/(app)/practice': 'signed-in',
	'/(app)/practice/[attemptId]': 'signed-in',
	'/(app)/notebook': 'signed-in',
	'/(app)/manage/knowledge': HOURS_VIEWERS,
	'/(app)/manage/reports/[name]/export.xlsx': MANAGERS,
	'/(app)/manage/reports/results/export.xlsx': MANAGERS,
	'/(app)/manage/reports/pass-rates/grid': MANAGERS,
	'/(app)/manage/reports/pass-rates/grid/export.xlsx': MANAGERS,
	'/(app)/manage/reports/aml-training': OFFICE,
	'/(app)/manage/reports/aml-training/export.csv': OFFICE,
	'/(app)/manage/reports/aml-training/export.xlsx': OFFICE
};

/** Routes a person with a pending forced password change may still use. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
	'/(app)/password',
	'/logout',
	'/locale',
	'/healthz'
]);

export function policyFor(routeId: string): RoutePolicy | undefined {
	return ROUTE_POLICIES[routeId];
}

/** Whether a signed-in `user` passes the route table's wall for `policy`. */
export function admits(policy: RoutePolicy, user: SessionUser): boolean {
	return policy === 'public' || policy === 'signed-in' || holdsAny(user, policy);
}

/**
 * The signed-in pages (no parameters) the table lets `user` into, as paths: what the navigation
 * offers, so a link is shown exactly when its page would open.
 */
export function reachablePages(user: SessionUser): string[] {
	return Object.entries(ROUTE_POLICIES)
		.filter(([id, policy]) => id.startsWith('/(app)') && !id.includes('[') && admits(policy, user))
		.map(([id]) => id.slice('/(app)'.length) || '/');
}
