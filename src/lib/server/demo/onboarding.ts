import type { AppContext } from '../context';
import { findSeatCourse, selectLessonOutline } from '../courses/service';
import { inTransaction, type Tx } from '../db';
import * as mentoring from '../mentoring/service';
import { countPlans } from '../onboarding/service';
import { selectRolesOf, selectStaffList } from '../org/service';
import { createRng } from '../rng';
import { stageEvents, type Person } from './onboarding-events';
import { CLEARED_STAGES, CURRENT_STAGES, JOURNEY_STAGE, type DemoStage } from './onboarding-stages';

const JOURNEY_NEW_HIRE = 'YZ0141';

const DEMO_TASK_POSITIONS = ['储蓄员', mentoring.CALL_AGENT_POSITION] as const;

/** The checklist the demo office configured: the built-in lists plus one task for everyone. */
async function seedChecklist(tx: Tx): Promise<void> {
	if ((await mentoring.selectTaskRows(tx)).length > 0) return;
	for (const position of DEMO_TASK_POSITIONS) {
		const list = mentoring.builtInTasksFor(position);
		await mentoring.insertTasks(
			tx,
			list.map((t, i) => ({ position, ...t, sortOrder: i + 1 }))
		);
	}
	await mentoring.insertTasks(tx, [
		{ position: '*', code: 'security_drill', label: '安全保卫与应急处置', sortOrder: 1 }
	]);
}

async function loadPeople(tx: Tx): Promise<Person[]> {
	const rows = await selectStaffList(tx, { branchIds: null }, 100_000);
	const roles = await selectRolesOf(
		tx,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, roles: roles.get(r.id) ?? [] }));
}

/**
 * Demo onboarding: every current new hire gets a plan with a same-branch mentor at a different
 * stage (YZ0141 mid-way with day 7 to sign), and five tellers hired earlier are replayed to
 * clearance so the onboarding rate has real numbers. Deterministic; a no-op once plans exist.
 */
export async function seedDemoOnboarding(ctx: AppContext): Promise<void> {
	if ((await countPlans(ctx.db)) > 0) return;
	const seat = await findSeatCourse(ctx.db);
	if (!seat?.currentVersionId) return;
	const lessonKeys = (await selectLessonOutline(ctx.db, seat.currentVersionId)).map(
		(l) => l.lessonKey
	);
	const rng = createRng('qualify-demo-onboarding-v1');
	await inTransaction(ctx.db, async (tx) => {
		await seedChecklist(tx);
		const people = await loadPeople(tx);
		const hr = people.find((p) => p.roles.includes('hr'));
		if (!hr) return;
		const mentors = people.filter((p) => p.roles.includes('mentor') && p.status === 'active');
		const inBranch = (p: Person, role: 'mentor' | 'branch_manager') =>
			people.find((o) => o.branchId === p.branchId && o.roles.includes(role) && o.id !== p.id);
		const cast = (hire: Person) => {
			const mentor = inBranch(hire, 'mentor') ?? mentors[0];
			const other = mentors.find((m) => m.branchId !== hire.branchId && m.id !== mentor?.id);
			return mentor ? { hire, mentor, other, manager: inBranch(hire, 'branch_manager'), hr } : null;
		};
		const newHires = people.filter((p) => p.status === 'onboarding');
		const others = newHires.filter((p) => p.employeeNo !== JOURNEY_NEW_HIRE);
		const current: [Person, DemoStage][] = [
			...newHires
				.filter((p) => p.employeeNo === JOURNEY_NEW_HIRE)
				.map((p): [Person, DemoStage] => [p, JOURNEY_STAGE]),
			...others.map((p, i): [Person, DemoStage] => [
				p,
				CURRENT_STAGES[i % CURRENT_STAGES.length] as DemoStage
			])
		];
		// Earlier hires: the last plain teller of branches with their own mentor, outside the journey branch.
		const journeyBranch = newHires.find((p) => p.employeeNo === JOURNEY_NEW_HIRE)?.branchId;
		const earlier = mentors
			.map((m) =>
				people
					.filter(
						(p) =>
							p.branchId === m.branchId &&
							p.position === '储蓄员' &&
							p.status === 'active' &&
							p.roles.join() === 'learner'
					)
					.at(-1)
			)
			.filter((p): p is Person => !!p && p.branchId !== journeyBranch)
			.slice(0, CLEARED_STAGES.length);
		const stages: [Person, DemoStage][] = [
			...current,
			...earlier.map((p, i): [Person, DemoStage] => [p, CLEARED_STAGES[i] as DemoStage])
		];
		const events: Awaited<ReturnType<typeof stageEvents>> = [];
		for (const [hire, stage] of stages) {
			const who = cast(hire);
			if (who) events.push(...(await stageEvents(ctx, tx, rng, stage, who, lessonKeys, seat.id)));
		}
		events.sort((a, b) => a.at - b.at);
		for (const e of events) await e.run({ ...ctx, clock: { now: () => e.at } }, tx);
	});
}
