import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import {
	commitQuestionImport,
	discardQuestionImport,
	previewQuestionImport
} from '../../../src/lib/server/questions/import-service';
import { getQuestionImport } from '../../../src/lib/server/questions/import-view';
import { createBank, getBank, listBanks } from '../../../src/lib/server/questions/service';
import { CSV_HEADER, file, seedTrainingOffice } from './setup';

const ROW_1 = 'CX-1,储蓄业务,单选,挂失补办期限？,3天,5天,7天,15天,B,条例规定5天,2,挂失';
const ROW_2 = 'CX-2,储蓄业务,判断,大额取现需预约。,,,,,对,,3,取现';
const ROW_3 = ',反洗钱,填空,可疑交易应在____内报告。,,,,,5个工作日|五个工作日,,4,';

describe('question import', () => {
	it('previews without writing, then commits everything at once', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const preview = await previewQuestionImport(
			app,
			trainer,
			file('bank.csv', CSV_HEADER, ROW_1, ROW_2, ROW_3)
		);
		expect(preview.counts).toMatchObject({ questions: 3, created: 3, newBanks: 2, problems: 0 });
		expect(preview.newBanks).toEqual(['储蓄业务', '反洗钱']);
		expect(await listBanks(app, trainer)).toEqual([]);
		const result = await commitQuestionImport(app, trainer, preview.importId ?? -1);
		expect(result.counts.created).toBe(3);
		const banks = await listBanks(app, trainer);
		expect(banks.map((b) => [b.name, b.activeTotal, b.revision])).toEqual([
			['储蓄业务', 2, 1],
			['反洗钱', 1, 1]
		]);
		expect(await listAuditEvents(app, 5, 'questions.import')).toHaveLength(1);
		await expect(commitQuestionImport(app, trainer, preview.importId ?? -1)).rejects.toThrow(
			Invalid
		);
		expect((await getQuestionImport(app, trainer, preview.importId ?? -1)).status).toBe(
			'committed'
		);
	});

	it('creates a default bank it was told to create at commit, not before', async () => {
		const { app, trainer, learner } = await seedTrainingOffice();
		const upload = { ...file('q.gift', '::G1::存款自愿。{T}'), defaultBank: '新题库' };
		await expect(previewQuestionImport(app, trainer, upload)).rejects.toThrow(
			expect.objectContaining({
				problems: [expect.objectContaining({ key: 'questions.import.error.unknownBank' })]
			})
		);
		await expect(
			previewQuestionImport(app, learner, { ...upload, createBank: true })
		).rejects.toThrow(Forbidden);
		const preview = await previewQuestionImport(app, trainer, { ...upload, createBank: true });
		expect(preview.newBanks).toEqual(['新题库']);
		expect(await listBanks(app, trainer)).toEqual([]);
		await commitQuestionImport(app, trainer, preview.importId!);
		expect((await listBanks(app, trainer)).map((b) => [b.name, b.activeTotal])).toEqual([
			['新题库', 1]
		]);
	});

	it('writes nothing when one line is bad, and names the line and column', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const bad = 'CX-3,储蓄业务,单选,选哪个？,甲,乙,,,E,,2,';
		const preview = await previewQuestionImport(
			app,
			trainer,
			file('bank.csv', CSV_HEADER, ROW_1, bad, ROW_2)
		);
		expect(preview.problems).toEqual([
			expect.objectContaining({ line: 3, column: '答案', key: 'questions.error.answerNoOption' })
		]);
		await expect(commitQuestionImport(app, trainer, preview.importId ?? -1)).rejects.toThrow(
			Invalid
		);
		expect(await listBanks(app, trainer)).toEqual([]);
	});

	it('re-imports by external id: new versions only for changed questions', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const first = await previewQuestionImport(
			app,
			trainer,
			file('a.csv', CSV_HEADER, ROW_1, ROW_2, ROW_3)
		);
		await commitQuestionImport(app, trainer, first.importId ?? -1);
		const changed = ROW_1.replace('条例规定5天', '《储蓄管理条例》规定5天');
		const again = await previewQuestionImport(
			app,
			trainer,
			file('a.csv', CSV_HEADER, changed, ROW_2, ROW_3)
		);
		expect(again.counts).toMatchObject({ created: 1, newVersions: 1, unchanged: 1, newBanks: 0 });
		expect(again.updated).toEqual([{ line: 2, bank: '储蓄业务', externalId: 'CX-1', version: 2 }]);
		await commitQuestionImport(app, trainer, again.importId ?? -1);
		const bank = (await listBanks(app, trainer)).find((b) => b.name === '储蓄业务');
		const rows = (await getBank(app, trainer, bank?.id ?? -1, { page: 1 })).questions;
		expect(rows.map((r) => [r.externalId, r.version])).toEqual([
			['CX-1', 2],
			['CX-2', 1]
		]);
		expect(bank?.revision).toBe(2);
	});

	it('imports GIFT and reports skipped question types with their lines', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const gift = file(
			'sample.gift',
			'$CATEGORY: 储蓄业务/挂失',
			'',
			'::G1::口头挂失后几天内补办书面手续？{~3天 =5天 ~7天}',
			'',
			'::G2::匹配{=甲 -> 1 =乙 -> 2 =丙 -> 3}',
			'',
			'::G3::简述反洗钱的意义。{}',
			'',
			'::G4::存款自愿。{T}'
		);
		const preview = await previewQuestionImport(app, trainer, gift);
		expect(preview.problems).toEqual([]);
		expect(preview.skipped).toEqual([
			expect.objectContaining({ line: 5, kind: 'matching' }),
			expect.objectContaining({ line: 7, kind: 'essay' })
		]);
		const result = await commitQuestionImport(app, trainer, preview.importId ?? -1);
		expect(result.counts).toMatchObject({ created: 2, skipped: 2 });
	});

	it('puts bankless questions into the chosen default bank, which must exist', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const gift = file('x.txt', '::T1::存款自愿。{T}');
		await expect(
			previewQuestionImport(app, trainer, { ...gift, defaultBank: '服务规范' })
		).rejects.toThrow(Invalid);
		await createBank(app, trainer, { name: '服务规范' });
		const preview = await previewQuestionImport(app, trainer, { ...gift, defaultBank: '服务规范' });
		expect(preview.counts).toMatchObject({ created: 1, newBanks: 0 });
		await commitQuestionImport(app, trainer, preview.importId ?? -1);
		expect((await listBanks(app, trainer))[0]?.activeTotal).toBe(1);
	});

	it('discards an import so it can never be committed', async () => {
		const { app, trainer } = await seedTrainingOffice();
		const preview = await previewQuestionImport(app, trainer, file('a.csv', CSV_HEADER, ROW_1));
		await discardQuestionImport(app, trainer, preview.importId ?? -1);
		await expect(commitQuestionImport(app, trainer, preview.importId ?? -1)).rejects.toThrow(
			Invalid
		);
		expect(await listBanks(app, trainer)).toEqual([]);
	});

	it('refuses learners and branch managers', async () => {
		const { app, learner, manager } = await seedTrainingOffice();
		for (const who of [learner, manager]) {
			await expect(
				previewQuestionImport(app, who, file('a.csv', CSV_HEADER, ROW_1))
			).rejects.toThrow(Forbidden);
		}
	});
});
