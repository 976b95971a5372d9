import type { AppContext } from '../context';
import { planDemoOrganisation, type DemoPlan, type PlannedStaff } from './organisation';
import { selectStaffByNumbers } from './data';

/** Every demo account shares it; demo accounts are not forced to change it. */
export const DEMO_PASSWORD = 'Qualify2026';

export const DEMO_JOURNEYS = [
	'hr',
	'trainer',
	'branch_manager',
	'mentor',
	'teller',
	'new_hire',
	'admin'
] as const;
export type DemoJourney = (typeof DEMO_JOURNEYS)[number];

export interface DemoAccount {
	journey: DemoJourney;
	employeeNo: string;
	name: string;
	branchCode: string;
	position: string;
	password: string;
}

// The learner-side journeys all sit in 小湖支局, so a mentor, a new hire and their manager meet.
const JOURNEY_BRANCH = 'XJ08';

const FINDERS: Record<DemoJourney, (s: PlannedStaff) => boolean> = {
	hr: (s) => s.roles.includes('hr'),
	trainer: (s) => s.roles.includes('trainer'),
	admin: (s) => s.roles.includes('admin'),
	branch_manager: (s) => s.branchCode === JOURNEY_BRANCH && s.roles.includes('branch_manager'),
	mentor: (s) => s.branchCode === JOURNEY_BRANCH && s.roles.includes('mentor'),
	teller: (s) =>
		s.branchCode === JOURNEY_BRANCH &&
		s.kind === 'teller' &&
		s.status === 'active' &&
		s.roles.length === 1,
	new_hire: (s) => s.branchCode === JOURNEY_BRANCH && s.status === 'onboarding'
};

/** One account per journey, picked from the plan (names do not depend on the date). */
export function demoAccounts(plan: DemoPlan = planDemoOrganisation('2026-01-01')): DemoAccount[] {
	return DEMO_JOURNEYS.map((journey) => {
		const person = plan.staff.find(FINDERS[journey]);
		if (!person) throw new Error(`demo plan has no ${journey} account`);
		return {
			journey,
			employeeNo: person.employeeNo,
			name: person.name,
			branchCode: person.branchCode,
			position: person.position,
			password: DEMO_PASSWORD
		};
	});
}

const JOURNEY_LABEL: Record<DemoJourney, string> = {
	hr: '人事 HR',
	trainer: '讲师 Trainer',
	branch_manager: '支局长 Branch manager',
	mentor: '导师 Mentor',
	teller: '储蓄员 Teller',
	new_hire: '见习 New hire',
	admin: '管理员 Admin'
};

/** Pads to a terminal width where a CJK character takes two columns. */
function padDisplay(text: string, width: number): string {
	const used = [...text].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
	return text + ' '.repeat(Math.max(1, width - used));
}

/**
 * Prints the address and the demo accounts that really exist in this database (same number,
 * same name, still active), so a database filled by a real roster never advertises a password.
 */
export async function announceDemo(ctx: AppContext, port: number): Promise<void> {
	const accounts = demoAccounts();
	const present = new Map(
		(
			await selectStaffByNumbers(
				ctx.db,
				accounts.map((a) => a.employeeNo)
			)
		).map((r) => [r.employeeNo, r])
	);
	const usable = accounts.filter((a) => {
		const row = present.get(a.employeeNo);
		return row && row.name === a.name && row.status !== 'left' && row.hasPassword;
	});
	const lines = [`\nQualify (上岗) is running at http://localhost:${port}\n`];
	if (usable.length > 0) {
		lines.push(`Demo accounts (工号 / employee no.), password for all: ${DEMO_PASSWORD}\n`);
		for (const a of usable) {
			lines.push(`  ${padDisplay(JOURNEY_LABEL[a.journey], 24)}${a.employeeNo}  ${a.name}\n`);
		}
	}
	process.stdout.write(lines.join('') + '\n');
}
