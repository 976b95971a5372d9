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

const revisionOf = async (
	app: Parameters<typeof listBanks>[0],
	user: Parameters<typeof listBanks>[1],
	id: number
): Promise<number> => (await listBanks(app, user)).find((b) => b.id === id)?.revision ?? -1;

describe('question storage', () => {
	it('makes a new version on edit and keeps the old one', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = await createBank(app, trainer, { name: '储蓄业务' });
		const { questionId } = await createQuestion(app, trainer, bankId, singleChoice());
		const content = contentOf(singleChoice());
		const edited = await editQuestion(app, trainer, questionId, {
			...content,
			stem: '储蓄机构办理储蓄业务的原则是（ ）。'
		});
		expect(edited).toEqual({ changed: true, version: 2 });
		const detail = await getQuestion(app, trainer, questionId);
		expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
		expect(detail.versions[1]?.content.stem).toBe('储蓄存款的原则是（ ）。');
		expect(detail.current.html.stem).toContain('储蓄机构办理储蓄业务');
		expect(await listAuditEvents(app, 10, 'questions.edit')).toHaveLength(3);
	});

	it('makes no version when the content is unchanged', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = await createBank(app, trainer, { name: '储蓄业务' });
		const { questionId } = await createQuestion(app, trainer, bankId, singleChoice());
		const before = await revisionOf(app, trainer, bankId);
		const content = contentOf(singleChoice());
		expect(await editQuestion(app, trainer, questionId, content)).toEqual({
			changed: false,
			version: 1
		});
		expect((await getQuestion(app, trainer, questionId)).versions).toHaveLength(1);
		expect(await revisionOf(app, trainer, bankId)).toBe(before);
	});

	it('bumps the bank revision on create, edit, retire and restore', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = await createBank(app, trainer, { name: '反洗钱' });
		const seen = [await revisionOf(app, trainer, bankId)];
		const { questionId } = await createQuestion(app, trainer, bankId, singleChoice());
		seen.push(await revisionOf(app, trainer, bankId));
		const content = contentOf(singleChoice());
		await editQuestion(app, trainer, questionId, { ...content, difficulty: 4 });
		seen.push(await revisionOf(app, trainer, bankId));
		await retireQuestion(app, trainer, questionId, '法规已修订');
		seen.push(await revisionOf(app, trainer, bankId));
		await restoreQuestion(app, trainer, questionId, '误停用');
		seen.push(await revisionOf(app, trainer, bankId));
		expect(seen).toEqual([0, 1, 2, 3, 4]);
	});

	it('retires and restores with a reason, recorded in the audit log', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = await createBank(app, trainer, { name: '内控合规' });
		const { questionId } = await createQuestion(app, trainer, bankId, singleChoice());
		await expect(retireQuestion(app, trainer, questionId, '  ')).rejects.toThrow(Invalid);
		await retireQuestion(app, trainer, questionId, '法规已修订');
		expect(await getQuestion(app, trainer, questionId)).toMatchObject({
			retired: true,
			retiredBy: trainer.name
		});
		await expect(retireQuestion(app, trainer, questionId, '再次')).rejects.toThrow(Invalid);
		expect((await listBanks(app, trainer))[0]).toMatchObject({ activeTotal: 0, retired: 1 });
		expect((await getBank(app, trainer, bankId, { page: 1, retired: false })).total).toBe(0);
		await restoreQuestion(app, trainer, questionId, '误停用');
		expect((await getQuestion(app, trainer, questionId)).retired).toBe(false);
		const events = await listAuditEvents(app, 10, 'questions.retire');
		expect(events.map((e) => e.detail)).toEqual([
			expect.objectContaining({ retired: false, reason: '误停用' }),
			expect.objectContaining({ retired: true, reason: '法规已修订' })
		]);
	});

	it('validates a typed question like the importer', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = await createBank(app, trainer, { name: '服务规范' });
		const bad = {
			...singleChoice(''),
			options: singleChoice().options.map((o) => ({ ...o, correct: true }))
		};
		try {
			await createQuestion(app, trainer, bankId, bad);
			expect.unreachable();
		} catch (e) {
			expect((e as Invalid).problems.map((p) => p.key)).toEqual([
				'questions.error.emptyStem',
				'questions.error.singleManyAnswers'
			]);
		}
		await createQuestion(app, trainer, bankId, { ...singleChoice(), externalId: 'FW-1' });
		await expect(
			createQuestion(app, trainer, bankId, { ...singleChoice(), externalId: 'FW-1' })
		).rejects.toThrow(Invalid);
		await expect(createBank(app, trainer, { name: '服务规范' })).rejects.toThrow(Invalid);
	});

	it('filters a bank by type, difficulty, tag and text', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const { bankId } = await createBank(app, trainer, { name: '储蓄业务' });
		await createQuestion(app, trainer, bankId, singleChoice('挂失的期限是？'));
		await createQuestion(app, trainer, bankId, {
			...singleChoice('利息怎么算？'),
			difficulty: 5,
			tags: ['利息计算']
		});
		const find = async (query: object): Promise<number> =>
			(await getBank(app, trainer, bankId, { page: 1, ...query })).total;
		expect(await find({})).toBe(2);
		expect(await find({ difficulty: 5 })).toBe(1);
		expect(await find({ tag: '利息计算' })).toBe(1);
		expect(await find({ text: '挂失' })).toBe(1);
		expect(await find({ text: '100%' })).toBe(0);
		expect(await find({ type: 'multiple' })).toBe(0);
	});

	it('refuses learners, branch managers and anonymous callers', async () => {
		const { app, trainer, learner, manager } = await seedTrainingOffice();
		const { bankId } = await createBank(app, trainer, { name: '储蓄业务' });
		const { questionId } = await createQuestion(app, trainer, bankId, singleChoice());
		for (const who of [learner, manager]) {
			await expect(listBanks(app, who)).rejects.toThrow(Forbidden);
			await expect(getQuestion(app, who, questionId)).rejects.toThrow(Forbidden);
			await expect(createBank(app, who, { name: '新题库' })).rejects.toThrow(Forbidden);
			await expect(retireQuestion(app, who, questionId, '想停用')).rejects.toThrow(Forbidden);
		}
		await expect(listBanks(app, null)).rejects.toThrow(Unauthenticated);
	});
});
