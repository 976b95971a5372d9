import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import {
	addRule,
	defineCompetency,
	listCompetencies,
	removeRule,
	updateCompetency
} from '../../../src/lib/server/competency/service';
import { competencyWorld, refusal } from './setup';

describe('the competency framework', () => {
	it('lets HR define, change and add rules, with an audit trail', async () => {
		const { app, hr } = await competencyWorld();
		const aml = await defineCompetency(app, hr, {
			code: 'AML',
			name: '反洗钱',
			validityMonths: 12
		});
		await updateCompetency(app, hr, aml.id, { name: '反洗钱（2026版）', validityMonths: 18 });
		const rule = await addRule(app, hr, { competencyId: aml.id, trigger: 'onboarding_complete' });
		const { competencies, rules } = await listCompetencies(app, hr);
		expect(competencies.find((c) => c.code === 'AML')).toMatchObject({
			name: '反洗钱（2026版）',
			validityMonths: 18
		});
		expect(rules.some((r) => r.id === rule.id)).toBe(true);
		await removeRule(app, hr, rule.id);
		expect((await listCompetencies(app, hr)).rules.some((r) => r.id === rule.id)).toBe(false);
		expect((await listAuditEvents(app, 50, 'competency.define')).length).toBeGreaterThanOrEqual(4);
	});

	it('refuses bad input with a clear message and changes nothing', async () => {
		const { app, hr, manager } = await competencyWorld();
		const before = (await listCompetencies(app, hr)).competencies.length;
		expect(
			await refusal(
				async () =>
					await defineCompetency(app, manager, { code: 'X1', name: 'x', validityMonths: 1 })
			)
		).toBe('error.forbidden');
		expect(
			await refusal(
				async () =>
					await defineCompetency(app, hr, { code: 'SAV-COUNTER', name: 'x', validityMonths: 1 })
			)
		).toBe('competency.error.codeTaken');
		expect(
			await refusal(
				async () =>
					await defineCompetency(app, hr, { code: 'bad code', name: 'x', validityMonths: 1 })
			)
		).toBe('competency.error.code');
		expect(
			await refusal(
				async () => await defineCompetency(app, hr, { code: 'NEW', name: 'x', validityMonths: 0 })
			)
		).toBe('competency.error.validity');
		expect(
			await refusal(
				async () => await defineCompetency(app, hr, { code: 'NEW', name: ' ', validityMonths: 6 })
			)
		).toBe('competency.error.name');
		expect((await listCompetencies(app, hr)).competencies).toHaveLength(before);
		const id = (await listCompetencies(app, hr)).competencies[0]!.id;
		expect(
			await refusal(async () => await addRule(app, hr, { competencyId: id, trigger: 'exam_pass' }))
		).toBe('competency.error.examPurpose');
		expect(
			await refusal(
				async () => await addRule(app, hr, { competencyId: id, trigger: 'course_complete' })
			)
		).toBe('competency.error.course');
		expect(
			await refusal(async () => await addRule(app, hr, { competencyId: id, trigger: 'nonsense' }))
		).toBe('competency.error.trigger');
	});
});
