import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importQuestions } from '../../../src/lib/server/cli/import-questions';
import { closeDatabase, row, rows as rowsOf } from '../../../src/lib/server/db';
import { openSqlite } from '../../../src/lib/server/db/sqlite';
import { CSV_HEADER } from './setup';

let dir: string;
let output: string[];

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-cli-q-'));
	vi.stubEnv('DATABASE_PATH', path.join(dir, 'cli.db'));
	output = [];
	const capture = (...args: unknown[]): void => void output.push(args.join(' '));
	vi.spyOn(console, 'log').mockImplementation(capture);
	vi.spyOn(console, 'error').mockImplementation(capture);
});

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
	fs.rmSync(dir, { recursive: true, force: true });
});

async function countQuestions(): Promise<number> {
	const { db } = openSqlite(path.join(dir, 'cli.db'));
	try {
		return (await row<{ n: number }>(db, 'select count(*) as n from question'))!.n;
	} finally {
		await closeDatabase(db);
	}
}

const write = (name: string, ...lines: string[]): string => {
	const target = path.join(dir, name);
	fs.writeFileSync(target, lines.join('\n'));
	return target;
};
const GOOD = 'CX-1,储蓄业务,单选,挂失补办期限？,3天,5天,7天,15天,B,,2,挂失';

describe('CLI import-questions', () => {
	it('exits 2 on usage errors', async () => {
		expect(await importQuestions.run([])).toBe(2);
		expect(await importQuestions.run(['a.csv', 'b.csv'])).toBe(2);
		expect(await importQuestions.run(['a.csv', '--frobnicate'])).toBe(2);
		expect(await importQuestions.run(['a.csv', '--bank'])).toBe(2);
	});

	it('exits 1 naming every bad line and column, and writes nothing', async () => {
		const bad = write(
			'bad.csv',
			CSV_HEADER,
			GOOD,
			'CX-2,储蓄业务,题型X,题干,,,,,A,,2,',
			'CX-3,储蓄业务,单选,,甲,乙,,,A,,2,'
		);
		expect(await importQuestions.run([bad])).toBe(1);
		const text = output.join('\n');
		expect(text).toMatch(/line 3, column 题型: .*题型X/);
		expect(text).toMatch(/line 4, column 题干: /);
		expect(text).toContain('2 problems; nothing was written.');
		expect(await countQuestions()).toBe(0);
		expect(await importQuestions.run([path.join(dir, 'missing.csv')])).toBe(1);
	});

	it('dry-runs without writing, then imports; skipped GIFT questions are listed by line', async () => {
		const good = write('good.csv', CSV_HEADER, GOOD);
		expect(await importQuestions.run([good, '--dry-run'])).toBe(0);
		expect(output.at(-1)).toMatch(/^Dry run, nothing written\. 1 questions: 1 new/);
		expect(await countQuestions()).toBe(0);
		expect(await importQuestions.run([good])).toBe(0);
		expect(await countQuestions()).toBe(1);

		const gift = write('more.gift', '::G1::存款自愿。{T}', '', '::G2::简述。{}');
		expect(await importQuestions.run([gift, '--bank', '储蓄业务'])).toBe(0);
		expect(output.join('\n')).toContain('line 3: skipped essay question “G2”');
		expect(await countQuestions()).toBe(2);
		expect(await importQuestions.run([gift, '--bank', '没有这个题库'])).toBe(1);
	});

	describe('a Moodle-style GIFT file', () => {
		const FIXTURE = path.resolve('tests/fixtures/questions/moodle-style.gift');
		const BANK = '储蓄业务题库';

		it('refuses a missing --bank unless told to create it, saying how', async () => {
			expect(await importQuestions.run([FIXTURE, '--bank', BANK])).toBe(1);
			expect(output.at(-1)).toBe(
				`There is no bank named “${BANK}”. Check the name, or add --create-bank to create it (as the banks page would). Nothing was written.`
			);
			expect(await importQuestions.run([FIXTURE, '--create-bank'])).toBe(2);
			expect(await countQuestions()).toBe(0);
		});

		it('imports with notes, creating the bank, and re-imports it as unchanged', async () => {
			expect(
				await importQuestions.run([FIXTURE, '--bank', BANK, '--create-bank', '--dry-run'])
			).toBe(0);
			expect(await countQuestions()).toBe(0);
			output.length = 0;
			expect(await importQuestions.run([FIXTURE, '--bank', BANK, '--create-bank'])).toBe(0);
			const text = output.join('\n');
			expect(text).toContain(
				'note: line 28: The question name “挂失手续” is also used on line 20. Moodle names are titles, not ids: this question is imported as well, with the id “挂失手续 (2)”.'
			);
			expect(text).toContain('note: line 28: The partial-credit answer “7” (50%) is left out');
			expect(text).toContain(
				'line 45: skipped matching question “业务配对”: Matching is not a type the question banks hold'
			);
			expect(text).toContain('line 52: skipped numerical question “利息计算”');
			expect(text).toContain('line 55: skipped essay question “服务心得”');
			expect(text).toContain('line 58: skipped description question “说明”');
			expect(output.at(-1)).toBe(
				'Imported #1. 6 questions: 6 new, 0 new versions, 0 unchanged, 1 new banks, 4 skipped.'
			);
			const { db } = openSqlite(path.join(dir, 'cli.db'));
			const rows = await rowsOf<{ id: string; explanation: string; options: string }>(
				db,
				`select q.external_id as id, v.explanation, v.options from question q
				 join question_bank b on b.id = q.bank_id
				 join question_version v on v.id = q.current_version_id
				 where b.name = ? order by q.id`,
				[BANK]
			);
			await closeDatabase(db);
			expect(rows.map((r) => r.id)).toEqual([
				'实名制',
				'代理开户',
				'挂失手续',
				'挂失手续 (2)',
				'可疑交易',
				'大额现金'
			]);
			// General feedback, then the answers' feedback where there are no options to carry it.
			expect(rows[0]?.explanation).toBe(
				'依据《个人存款账户实名制规定》，开户时须出示本人法定身份证件并登记。'
			);
			expect(JSON.parse(rows[0]!.options)[1]).toMatchObject({
				text: '工作证',
				feedback: '工作证不是法定身份证件。'
			});
			expect(rows[3]?.explanation).toBe(
				'口头挂失的有效期为 5 天。\n\n5: 正确。\n\n五: 正确。\n\n7: 时间记混了：7 天是补领新存单的期限。'
			);

			output.length = 0;
			expect(await importQuestions.run([FIXTURE, '--bank', BANK, '--create-bank'])).toBe(0);
			expect(output.at(-1)).toMatch(/6 questions: 0 new, 0 new versions, 6 unchanged, 0 new banks/);
			expect(await countQuestions()).toBe(6);
		});
	});
});
