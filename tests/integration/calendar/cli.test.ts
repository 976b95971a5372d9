import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { calendar } from '../../../src/lib/server/cli/calendar';

let dir: string;
let output: string[];

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-cli-'));
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

describe('npm run cli -- calendar', () => {
	it('adds, lists and removes office days', async () => {
		expect(await calendar.run(['add', '2026-10-09', '--closed', '--note', '网点搬迁'])).toBe(0);
		expect(await calendar.run(['add', '2026-10-11', '--working'])).toBe(0);
		output = [];
		expect(await calendar.run(['list'])).toBe(0);
		expect(output).toEqual([
			'State Council schedule built in up to 2026.',
			'2026-10-09  closed   (State Council: working)  网点搬迁',
			'2026-10-11  working  (State Council: off)'
		]);
		expect(await calendar.run(['remove', '2026-10-11'])).toBe(0);
		output = [];
		await calendar.run(['list']);
		expect(output).toHaveLength(2);
	});

	it('refuses a bad date, a missing kind and an unknown action', async () => {
		expect(await calendar.run(['add', '2026-02-30', '--closed'])).toBe(1);
		expect(output.join('\n')).toContain('Enter a real date');
		expect(await calendar.run(['add', '2026-10-09'])).toBe(2);
		expect(await calendar.run(['add', '2026-10-09', '--closed', '--working'])).toBe(2);
		expect(await calendar.run(['clear'])).toBe(2);
		expect(await calendar.run(['remove', '2026-10-09'])).toBe(1);
	});
});
