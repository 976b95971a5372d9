import type { BranchType, Role, StaffStatus } from '../../org/enums';
import { createRng, type Rng } from '../rng';
import { addDays } from '../../time/days';
import { AGENCY_VILLAGES, drawName, RURAL_TOWNS, URBAN_NAMES } from './names';
import { POSITION, type PositionKind } from './positions';

/** Changing the seed changes every demo name, and with them the accounts printed at start. */
export const DEMO_SEED = 'qualify-demo-v1';
export const HEAD_OFFICE_CODE = 'XJ00';
export const CALL_CENTER_CODE = 'XJ90';

export interface PlannedBranch {
	code: string;
	name: string;
	type: BranchType;
	parentCode: string | null;
	/** Position within its type, 0 first: larger rural branches come first and get more staff. */
	rank: number;
}

export interface PlannedStaff {
	employeeNo: string;
	name: string;
	branchCode: string;
	kind: PositionKind;
	position: string;
	hireDate: string;
	status: StaffStatus;
	roles: Role[];
}

export interface DemoPlan {
	branches: PlannedBranch[];
	staff: PlannedStaff[];
}

const MANAGER_KINDS: PositionKind[] = ['hallHead', 'centreHead', 'manager'];
const ROLE_OF_KIND: Partial<Record<PositionKind, Role>> = {
	hr: 'hr',
	trainer: 'trainer',
	sysAdmin: 'admin'
};

function planBranches(): PlannedBranch[] {
	const under = (
		type: BranchType,
		names: readonly string[],
		suffix: string,
		first: number
	): PlannedBranch[] =>
		names.map((name, rank) => ({
			code: `XJ${String(first + rank).padStart(2, '0')}`,
			name: name + suffix,
			type,
			parentCode: HEAD_OFFICE_CODE,
			rank
		}));
	return [
		{ code: HEAD_OFFICE_CODE, name: '县局营业部', type: 'head_office', parentCode: null, rank: 0 },
		...under('urban', URBAN_NAMES, '支局', 1),
		...under('rural', RURAL_TOWNS, '支局', 8),
		...under('agency', AGENCY_VILLAGES, '代办所', 31),
		{
			code: CALL_CENTER_CODE,
			name: '客服中心',
			type: 'call_center',
			parentCode: HEAD_OFFICE_CODE,
			rank: 0
		}
	];
}

/** How many people of each position a branch has; managers first. Sums to 351 over the office. */
function staffingOf(b: PlannedBranch): [PositionKind, number][] {
	const r = b.rank;
	switch (b.type) {
		case 'head_office':
			// prettier-ignore
			return [
				['hallHead', 1], ['hr', 1], ['trainer', 1], ['sysAdmin', 1], ['admin', 14],
				['marketing', 5], ['teller', 3], ['courier', 2], ['counter', 4]
			];
		case 'call_center':
			return [
				['centreHead', 1],
				['callAgent', 12]
			];
		case 'urban':
			// prettier-ignore
			return [
				['manager', 1], ['teller', 6], ['wealth', 1], ['courier', 3], ['counter', 2],
				['marketing', 2]
			];
		case 'rural':
			// prettier-ignore
			return [
				['manager', 1], ['teller', 3], ['wealth', r < 9 ? 1 : 0], ['courier', 2],
				['counter', r < 12 ? 2 : 1], ['marketing', r < 10 ? 1 : 0]
			];
		case 'agency':
			return [
				['manager', 1],
				['counter', 2]
			];
	}
}

/** Who mentors: the first teller (or call agent) of the busier branches, always a veteran. */
function isMentorSlot(b: PlannedBranch, kind: PositionKind, index: number): boolean {
	if (index !== 0) return false;
	if (kind === 'callAgent') return true;
	if (kind !== 'teller') return false;
	return b.type === 'urban' || (b.type === 'rural' && b.rank < 8);
}

/** Who is new: the last teller (or the last two call agents) of some branches. */
function isNewHireSlot(
	b: PlannedBranch,
	kind: PositionKind,
	index: number,
	count: number
): boolean {
	if (kind === 'callAgent') return index >= count - 2;
	if (kind !== 'teller' || index !== count - 1) return false;
	return (b.type === 'urban' && b.rank < 3) || (b.type === 'rural' && b.rank < 4);
}

function drawHireDate(rng: Rng, today: string, minYears: number, maxYears: number): string {
	const years = minYears + rng.int(maxYears - minYears + 1);
	return addDays(today, -(years * 365 + rng.int(365)));
}

/**
 * The whole demo office as plain data: 35 branches (head office, 7 urban, 23 rural, 3 agency,
 * call centre) and 351 staff. Pure: the same `today` and seed give the same office.
 */
export function planDemoOrganisation(today: string, seed: string = DEMO_SEED): DemoPlan {
	const rng = createRng(seed);
	const branches = planBranches();
	const taken = new Set<string>();
	const staff: PlannedStaff[] = [];
	for (const b of branches) {
		for (const [kind, count] of staffingOf(b)) {
			for (let i = 0; i < count; i++) {
				const roles: Role[] = ['learner'];
				const mentor = isMentorSlot(b, kind, i);
				const newHire = !mentor && isNewHireSlot(b, kind, i, count);
				if (MANAGER_KINDS.includes(kind)) roles.push('branch_manager');
				if (mentor) roles.push('mentor');
				const extra = ROLE_OF_KIND[kind];
				if (extra) roles.push(extra);
				const hireDate = newHire
					? addDays(today, -(5 + rng.int(36)))
					: mentor || MANAGER_KINDS.includes(kind)
						? drawHireDate(rng, today, 8, 28)
						: drawHireDate(rng, today, 1, 30);
				staff.push({
					employeeNo: `YZ${String(staff.length + 1).padStart(4, '0')}`,
					name: drawName(rng, taken),
					branchCode: b.code,
					kind,
					position: POSITION[kind],
					hireDate,
					status: newHire ? 'onboarding' : 'active',
					roles
				});
			}
		}
	}
	return { branches, staff };
}
