import { describe, expect, it } from 'vitest';
import { seedDemoQuestionBanks } from '../../../src/lib/server/demo/questions';
import { listQuestionImports } from '../../../src/lib/server/questions/import-view';
import { listBanks } from '../../../src/lib/server/questions/service';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import { createTestApp } from '../../helpers/app';

describe('demo question banks', () => {
	it('imports the six demo files through the importer with no problems, the certification bank closed', async () => {
		const app = await createTestApp();
		await seedDemoQuestionBanks(app);
		const banks = await listBanks(app, SYSTEM_ACTOR);
		expect(banks.map((b) => b.name)).toEqual(
			expect.arrayContaining(['储蓄业务', '内控合规', '反洗钱', '服务规范'])
		);
		const total = banks.reduce((n, b) => n + b.activeTotal, 0);
		expect(total).toBeGreaterThanOrEqual(390);
		const imports = await listQuestionImports(app, SYSTEM_ACTOR);
		expect(imports).toHaveLength(6);
		const closed = banks.filter((b) => !b.practiceOpen).map((b) => b.name);
		expect(closed).toEqual(['储蓄业务鉴定题库']);
		expect(imports.every((i) => i.status === 'committed' && i.summary?.problems === 0)).toBe(true);
		// The GIFT sample's matching and essay questions are skipped, not fatal.
		expect(imports.some((i) => (i.summary?.skipped ?? 0) > 0)).toBe(true);
	});

	it('leaves a database that already has a bank alone', async () => {
		const app = await createTestApp();
		await seedDemoQuestionBanks(app);
		const before = await listBanks(app, SYSTEM_ACTOR);
		await seedDemoQuestionBanks(app);
		expect(await listBanks(app, SYSTEM_ACTOR)).toEqual(before);
	});

	it('fails clearly when the files are missing', async () => {
		const app = await createTestApp();
		await expect(seedDemoQuestionBanks(app, '/nonexistent/banks')).rejects.toThrow(/not found/);
	});
});
