import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { Forbidden, Invalid, Unauthenticated } from '../../../src/lib/server/errors';
import { contentOf } from '../../../src/lib/server/questions/content';
import {
	createBank,
	createQuestion,
	editQuestion,
	getBank,
	getQuestion,
	listBanks,
	restoreQuestion,
	retireQuestion
} from '../../../src/lib/server/questions/service';
import { seedTrainingOffice, singleChoice } from './setup';

const revisionOf = (
	app: Parameters<typeof listBanks>[0],
	user: Parameters<typeof listBanks>[1],
	id: number
): number => listBanks(app, user).find((b) => b.id === id)?.revision ?? -1;

describe('question storage', () => {
	it('makes a new version on edit and keeps the old one', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = createBank(app, trainer, { name: '储蓄业务' });
		const { questionId } = createQuestion(app, trainer, bankId, singleChoice());
		const content = contentOf(singleChoice());
		const edited = editQuestion(app, trainer, questionId, {
			...content,
			stem: '储蓄机构办理储蓄业务的原则是（ ）。'
		});
		expect(edited).toEqual({ changed: true, version: 2 });
		const detail = getQuestion(app, trainer, questionId);
		expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
		expect(detail.versions[1]?.content.stem).toBe('储蓄存款的原则是（ ）。');
		expect(detail.current.html.stem).toContain('储蓄机构办理储蓄业务');
		expect(listAuditEvents(app, 10, 'questions.edit')).toHaveLength(3);
	});

	it('makes no version when the content is unchanged', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = createBank(app, trainer, { name: '储蓄业务' });
		const { questionId } = createQuestion(app, trainer, bankId, singleChoice());
		const before = revisionOf(app, trainer, bankId);
		const content = contentOf(singleChoice());
		expect(editQuestion(app, trainer, questionId, content)).toEqual({ changed: false, version: 1 });
		expect(getQuestion(app, trainer, questionId).versions).toHaveLength(1);
		expect(revisionOf(app, trainer, bankId)).toBe(before);
	});

	it('bumps the bank revision on create, edit, retire and restore', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = createBank(app, trainer, { name: '反洗钱' });
		const seen = [revisionOf(app, trainer, bankId)];
		const { questionId } = createQuestion(app, trainer, bankId, singleChoice());
		seen.push(revisionOf(app, trainer, bankId));
		const content = contentOf(singleChoice());
		editQuestion(app, trainer, questionId, { ...content, difficulty: 4 });
		seen.push(revisionOf(app, trainer, bankId));
		retireQuestion(app, trainer, questionId, '法规已修订');
		seen.push(revisionOf(app, trainer, bankId));
		restoreQuestion(app, trainer, questionId, '误停用');
		seen.push(revisionOf(app, trainer, bankId));
		expect(seen).toEqual([0, 1, 2, 3, 4]);
	});

	it('retires and restores with a reason, recorded in the audit log', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = createBank(app, trainer, { name: '内控合规' });
		const { questionId } = createQuestion(app, trainer, bankId, singleChoice());
		expect(() => retireQuestion(app, trainer, questionId, '  ')).toThrow(Invalid);
		retireQuestion(app, trainer, questionId, '法规已修订');
		expect(getQuestion(app, trainer, questionId)).toMatchObject({
			retired: true,
			retiredBy: trainer.name
		});
		expect(() => retireQuestion(app, trainer, questionId, '再次')).toThrow(Invalid);
		expect(listBanks(app, trainer)[0]).toMatchObject({ activeTotal: 0, retired: 1 });
		expect(getBank(app, trainer, bankId, { page: 1, retired: false }).total).toBe(0);
		restoreQuestion(app, trainer, questionId, '误停用');
		expect(getQuestion(app, trainer, questionId).retired).toBe(false);
		const events = listAuditEvents(app, 10, 'questions.retire');
		expect(events.map((e) => e.detail)).toEqual([
			expect.objectContaining({ retired: false, reason: '误停用' }),
			expect.objectContaining({ retired: true, reason: '法规已修订' })
		]);
	});

	it('validates a typed question like the importer', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = createBank(app, trainer, { name: '服务规范' });
		const bad = {
			...singleChoice(''),
			options: singleChoice().options.map((o) => ({ ...o, correct: true }))
		};
		try {
			createQuestion(app, trainer, bankId, bad);
			expect.unreachable();
		} catch (e) {
			expect((e as Invalid).problems.map((p) => p.key)).toEqual([
				'questions.error.emptyStem',
				'questions.error.singleManyAnswers'
			]);
		}
		createQuestion(app, trainer, bankId, { ...singleChoice(), externalId: 'FW-1' });
		expect(() =>
			createQuestion(app, trainer, bankId, { ...singleChoice(), externalId: 'FW-1' })
		).toThrow(Invalid);
		expect(() => createBank(app, trainer, { name: '服务规范' })).toThrow(Invalid);
	});

	it('filters a bank by type, difficulty, tag and text', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = createBank(app, trainer, { name: '储蓄业务' });
		createQuestion(app, trainer, bankId, singleChoice('挂失的期限是？'));
		createQuestion(app, trainer, bankId, {
			...singleChoice('利息怎么算？'),
			difficulty: 5,
			tags: ['利息计算']
		});
		const find = (query: object): number =>
			getBank(app, trainer, bankId, { page: 1, ...query }).total;
		expect(find({})).toBe(2);
		expect(find({ difficulty: 5 })).toBe(1);
		expect(find({ tag: '利息计算' })).toBe(1);
		expect(find({ text: '挂失' })).toBe(1);
		expect(find({ text: '100%' })).toBe(0);
		expect(find({ type: 'multiple' })).toBe(0);
	});

	it('refuses learners, branch managers and anonymous callers', async () => {
		const { app, trainer, learner, manager } = await seedTrainingOffice();
		const { bankId } = createBank(app, trainer, { name: '储蓄业务' });
		const { questionId } = createQuestion(app, trainer, bankId, singleChoice());
		for (const who of [learner, manager]) {
			expect(() => listBanks(app, who)).toThrow(Forbidden);
			expect(() => getQuestion(app, who, questionId)).toThrow(Forbidden);
			expect(() => createBank(app, who, { name: '新题库' })).toThrow(Forbidden);
			expect(() => retireQuestion(app, who, questionId, '想停用')).toThrow(Forbidden);
		}
		expect(() => listBanks(app, null)).toThrow(Unauthenticated);
	});
});
