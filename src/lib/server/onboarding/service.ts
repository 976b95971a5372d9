/**
 * The onboarding front door: new hires' plans, their progress and clearance for duty (上岗), for
 * routes, the CLI and other domains. Each function acting for a person checks a named
 * permission first; the section for other domains takes no person.
 */

// ---- For people: pages and forms ----
export { cancelPlan } from './cancel';
export { getPlanDetail, type PlanDetail } from './detail';
export { getHomeOnboarding, getMyOnboarding, type HomeOnboarding, type MyOnboarding } from './mine';
export {
	getOnboardingOverview,
	type Choice,
	type OnboardingOverview,
	type PlanRow
} from './overview';
export { changeMentor, openPlan, type OpenPlanResult } from './plans';
export { getOnboardingRate, type OnboardingRate, type OverduePlan } from './rate';
export type { Actor } from './access';
export type { Cancellation, ExamTrack, PlanProgress } from './progress';
export type { ClearanceStatus } from './readiness';
export {
	DUE_ALLOWANCE_WORKING_DAYS,
	MAX_PRACTICUM_HOURS,
	MAX_REASON,
	PRACTICUM_DAYS_REQUIRED,
	SEAT_HOURS_REQUIRED,
	type RateCounts
} from './rules';

// ---- For other domains: no person, the calling service has checked access ----
export { evaluateClearance, getClearanceStatus, getClearanceStatusStep } from './clearance';
export { buildPlanProgress } from './progress';
export { selectPlanById } from './data';

// Steps of another domain's transaction (the demo seed): each is the service of the same name
// without opening its transaction (and, where it checks first, without the permission check).
export { changeMentorStep, openPlanStep } from './plans';

// ---- For the demo seed, which replays plans through the services above ----
export { countPlans, selectOpenPlanOfStaff, selectPlans, setStaffHire } from './data';
