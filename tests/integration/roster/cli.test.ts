import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAdmin } from '../../../src/lib/server/cli/create-admin';
import { importStaff } from '../../../src/lib/server/cli/import-staff';
import { resetPassword } from '../../../src/lib/server/cli/reset-password';
import { closeDatabase, row } from '../../../src/lib/server/db';
import { openSqlite } from '../../../src/lib/server/db/sqlite';

let dir: string;
let output: string[];
let stderr: string[];

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-cli-'));
	vi.stubEnv('DATABASE_PATH', path.join(dir, 'cli.db'));
	output = [];
	const capture = (...args: unknown[]): void => void output.push(args.join(' '));
	vi.spyOn(console, 'log').mockImplementation(capture);
	vi.spyOn(console, 'error').mockImplementation(capture);
	stderr = [];
	vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
		stderr.push(String(chunk));
		return true;
	});
});

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
	fs.rmSync(dir, { recursive: true, force: true });
});

async function query<T>(sql: string): Promise<T> {
	const { db } = openSqlite(path.join(dir, 'cli.db'));
	try {
		return (await row(db, sql)) as T;
	} finally {
		await closeDatabase(db);
	}
}

const write = (name: string, ...lines: string[]): string => {
	const file = path.join(dir, name);
	fs.writeFileSync(file, lines.join('\n'));
	return file;
};
const GOOD = ['工号,姓名,机构代码,机构名称,机构类型,岗位', 'N001,新人丁,B001,河口支局,农村,储蓄员'];

describe('CLI import-staff', () => {
	it('exits 2 on usage errors', async () => {
		expect(await importStaff.run([])).toBe(2);
		expect(await importStaff.run(['a.csv', 'b.csv'])).toBe(2);
		expect(await importStaff.run(['a.csv', '--frobnicate'])).toBe(2);
		expect(await importStaff.run(['a.csv', '--passwords-out'])).toBe(2);
	});

	it('exits 1 naming every bad line, and writes nothing', async () => {
		const file = write('bad.csv', GOOD[0]!, 'N001,甲,B001,河口支局,农村,储蓄员', 'N001,乙,B001,,,');
		expect(await importStaff.run([file])).toBe(1);
		expect(output.join('\n')).toContain('line 3, column 工号: Employee number N001 is repeated');
		expect(output.join('\n')).toContain('line 3, column 岗位: “岗位” must not be empty.');
		expect((await query<{ n: number }>('select count(*) n from staff')).n).toBe(0);
		expect(await importStaff.run([path.join(dir, 'missing.csv')])).toBe(1);
	});

	it('dry-runs without writing, then imports and writes the passwords file 0600', async () => {
		const file = write('good.csv', ...GOOD);
		expect(await importStaff.run([file, '--dry-run'])).toBe(0);
		expect(output.at(-1)).toMatch(/Dry run, nothing written\. 1 rows: 1 new/);
		expect((await query<{ n: number }>('select count(*) n from staff')).n).toBe(0);

		const out = path.join(dir, 'pw.csv');
		expect(await importStaff.run([file, '--passwords-out', out])).toBe(0);
		expect(output.join('\n')).toContain(`written to ${out}`);
		expect(fs.statSync(out).mode & 0o777).toBe(0o600);
		expect(fs.readFileSync(out, 'utf8')).toMatch(
			/^\uFEFF工号,姓名,机构代码,机构名称,初始密码\r\nN001,新人丁,B001,河口支局,\w{12}\r\n$/
		);
		expect(
			(await query<{ n: number }>('select count(*) n from staff where must_change_password = 1')).n
		).toBe(1);
		// The passwords left the database with the file.
		expect(
			(await query<{ p: string | null }>('select initial_passwords p from roster_import')).p
		).toBeNull();
	});

	it('writes the passwords file beside the database, names it, and shows progress', async () => {
		const file = write('good.csv', ...GOOD);
		expect(await importStaff.run([file])).toBe(0);
		const written = fs
			.readdirSync(dir)
			.filter((f) => /^initial-passwords-\d{8}-\d{6}\.csv$/.test(f));
		expect(written).toHaveLength(1);
		const out = path.join(dir, written[0]!);
		expect(fs.statSync(out).mode & 0o777).toBe(0o600);
		expect(output.join('\n')).toContain(`written to ${out}`);
		expect(stderr.join('')).toMatch(/Importing: +0% checking rows/);
		expect(stderr.join('')).toMatch(/Importing: 100% writing\n$/);
	});

	it('refuses an employee number outside letters, digits, - and _, naming line and column', async () => {
		const file = write(
			'evil.csv',
			GOOD[0]!,
			"YZ 0000'; DROP TABLE staff;--,甲,B001,河口支局,农村,储蓄员"
		);
		expect(await importStaff.run([file, '--dry-run'])).toBe(1);
		expect(output.join('\n')).toContain(
			"line 2, column 工号: Employee number “YZ 0000'; DROP TABLE staff;--” contains characters"
		);
	});

	it('refuses to overwrite an existing passwords file, writing nothing', async () => {
		const file = write('good.csv', ...GOOD);
		const out = write('taken.csv', 'keep me');
		expect(await importStaff.run([file, '--passwords-out', out])).toBe(1);
		expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
		expect((await query<{ n: number }>('select count(*) n from staff')).n).toBe(0);
	});
});

describe('CLI create-admin', () => {
	it('creates a head office and an admin who must change the password, once', async () => {
		expect(await createAdmin.run([])).toBe(2);
		expect(await createAdmin.run(['A001', '--name', '管理员甲'])).toBe(0);
		expect(output.join('\n')).toMatch(/Initial password \(shown only now\): \w{12}/);
		expect(
			await query<{ type: string; must: number }>(
				"select b.type, s.must_change_password must from staff s join branch b on b.id = s.branch_id where s.employee_no = 'A001'"
			)
		).toEqual({ type: 'head_office', must: 1 });
		expect(
			(
				await query<{ roles: string }>(
					'select group_concat(role) roles from (select role from staff_role order by role)'
				)
			).roles
		).toBe('admin,hr');
		expect(
			(
				await query<{ n: number }>(
					"select count(*) n from audit_event where action = 'admin.create'"
				)
			).n
		).toBe(1);
		expect(await createAdmin.run(['A001'])).toBe(1);
		expect(output.at(-1)).toBe('Employee number A001 already exists.');
	});

	it('holds the new number to the employee number rule and the office pattern', async () => {
		expect(await createAdmin.run(["A1'; --"])).toBe(1);
		expect(output.at(-1)).toMatch(/^Employee number “A1'; --” contains characters that are not/);
		vi.stubEnv('EMPLOYEE_NO_PATTERN', 'YZ\\d{4}');
		expect(await createAdmin.run(['A0001'])).toBe(1);
		expect(output.at(-1)).toContain('does not match this office’s employee number format');
		expect(await createAdmin.run(['YZ0001'])).toBe(0);
		expect((await query<{ n: number }>('select count(*) n from staff')).n).toBe(1);
	});
});

describe('CLI reset-password', () => {
	it('prints a new initial password for anyone, admins included, and audits it', async () => {
		expect(await resetPassword.run([])).toBe(2);
		expect(await resetPassword.run(['A001', 'A002'])).toBe(2);
		expect(await resetPassword.run(['A001'])).toBe(1);
		expect(await createAdmin.run(['A001'])).toBe(0);
		const first = output.join('\n').match(/shown only now\): (\w{12})/)?.[1];
		expect(await resetPassword.run(['A001'])).toBe(0);
		const second = output.at(-1)?.match(/shown only now\): (\w{12})/)?.[1];
		expect(second).toMatch(/^\w{12}$/);
		expect(second).not.toBe(first);
		expect(
			(
				await query<{ must: number }>(
					"select must_change_password must from staff where employee_no = 'A001'"
				)
			).must
		).toBe(1);
		expect(
			(
				await query<{ n: number }>(
					"select count(*) n from audit_event where action = 'password.reset' and actor_staff_id is null"
				)
			).n
		).toBe(1);
	});
});
