import { describe, expect, it } from 'vitest';
import { Forbidden } from '../../../src/lib/server/errors';
import { getMenteeLog } from '../../../src/lib/server/mentoring/mentees';
import {
	addPracticumTask,
	listPracticumChecklists,
	setPracticumTaskRetired
} from '../../../src/lib/server/mentoring/tasks';
import { office, openDefaultPlan } from '../onboarding/setup';

describe('practicum checklist configuration', () => {
	it('keeps the built-in tasks when HR first adds one, and retires without deleting', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		const builtIn = (await getMenteeLog(o.app, o.mentorA.user, planId)).tasks.length;
		expect(builtIn).toBeGreaterThanOrEqual(8);
		await addPracticumTask(o.app, o.hr.user, { position: '储蓄员', label: '手机银行开通' });
		await setPracticumTaskRetired(o.app, o.hr.user, {
			position: '储蓄员',
			code: 'complaint',
			retired: true
		});
		const tasks = (await getMenteeLog(o.app, o.mentorA.user, planId)).tasks;
		expect(tasks).toHaveLength(builtIn);
		expect(tasks.map((t) => t.label)).toContain('手机银行开通');
		expect(tasks.map((t) => t.code)).not.toContain('complaint');
		const teller = (await listPracticumChecklists(o.app, o.hr.user)).find(
			(c) => c.position === '储蓄员'
		)!;
		expect(teller.configured).toBe(true);
		expect(teller.tasks.find((t) => t.code === 'complaint')?.retired).toBe(true);
	});

	it('is for HR and admin only', async () => {
		const o = await office();
		await expect(listPracticumChecklists(o.app, o.managerA.user)).rejects.toThrow(Forbidden);
		await expect(
			addPracticumTask(o.app, o.mentorA.user, { position: '储蓄员', label: 'x' })
		).rejects.toThrow(Forbidden);
	});
});
