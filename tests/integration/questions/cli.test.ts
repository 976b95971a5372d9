import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importQuestions } from '../../../src/lib/server/cli/import-questions';
import { createDb } from '../../../src/lib/server/db';
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

function countQuestions(): number {
	const db = createDb(path.join(dir, 'cli.db'));
	try {
		return (db.$client.prepare('select count(*) n from question').get() as { n: number }).n;
	} finally {
		db.$client.close();
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
		expect(countQuestions()).toBe(0);
		expect(await importQuestions.run([path.join(dir, 'missing.csv')])).toBe(1);
	});

	it('dry-runs without writing, then imports; skipped GIFT questions are listed by line', async () => {
		const good = write('good.csv', CSV_HEADER, GOOD);
		expect(await importQuestions.run([good, '--dry-run'])).toBe(0);
		expect(output.at(-1)).toMatch(/^Dry run, nothing written\. 1 questions: 1 new/);
		expect(countQuestions()).toBe(0);
		expect(await importQuestions.run([good])).toBe(0);
		expect(countQuestions()).toBe(1);

		const gift = write('more.gift', '::G1::存款自愿。{T}', '', '::G2::简述。{}');
		expect(await importQuestions.run([gift, '--bank', '储蓄业务'])).toBe(0);
		expect(output.join('\n')).toContain('line 3: skipped essay question “G2”');
		expect(countQuestions()).toBe(2);
		expect(await importQuestions.run([gift, '--bank', '没有这个题库'])).toBe(1);
	});
});
