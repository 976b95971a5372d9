/**
 * The class-hours front door: what routes, the CLI and other domains call. The functions acting
 * for a person check a named permission first; the section for other domains takes no person.
 */

// ---- For people: pages and forms ----
export { getHomeHours, type HomeHours } from './home';
export {
	getHoursOverview,
	getMyHours,
	getPersonHours,
	recordManualHoursFor,
	type HoursFilters,
	type HoursOverview,
	type MyHoursPage,
	type PersonHoursPage
} from './pages';
export {
	getRequirementsPage,
	listRequirements,
	setRequirement,
	type RequirementRow,
	type RequirementsPage
} from './requirements';
export {
	correctHoursEntry,
	recordManualHours,
	type CorrectionInput,
	type ManualInput
} from './entries';
export {
	currentYear,
	findBranchInHoursScope,
	getStaffHours,
	listHoursStanding,
	type LedgerEntry,
	type PersonHours,
	type StandingRow
} from './ledger';
export type { HoursByKind, Requirement, Standing } from './standing';

// ---- For other domains: no person, the calling service has checked access ----
export { creditHours, type CreditInput } from './ledger';
export { roundHours } from './standing';

// ---- For the demo seed, which replays what people did inside its own transaction ----
export { appendHoursCorrection, appendManualHours } from './entries';
export { requirementLookup } from './requirements';
export { sumByStaffAndKind } from './data';
