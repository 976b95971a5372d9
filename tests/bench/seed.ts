// Builds the benchmark database: a 5,000-question bank, 2,000 staff with sessions, one exam
// whose blueprint draws 50 questions. Written with plain SQL through the app's own adapter, so
// the same seed fills SQLite and PostgreSQL; the server under test then works on it through its
// own services.
import { generateSessionToken, sessionIdFromToken } from '../../src/lib/server/auth/session';
import { closeDatabase, exec, row, rows, type Db } from '../../src/lib/server/db';
import type { Database as OpenDatabase } from '../../src/lib/server/db/adapter';
import { migrateSqlite, openSqlite } from '../../src/lib/server/db/sqlite';
import { createRng } from '../../src/lib/server/rng';
import path from 'node:path';

export const QUESTIONS = 5_000;
export const STAFF = 2_000;
const TYPES = ['single', 'multiple', 'true_false', 'fill_blank'] as const;
const SESSION_MS = 4 * 3_600_000;

export interface BenchData {
	examId: number;
	tokens: string[];
}

const id = async (db: Db, sql: string, params: unknown[]): Promise<number> =>
	Number((await row<{ id: number }>(db, `${sql} returning id`, params))!.id);

/** Fills an open, migrated, empty database with the bench's bank, exam and staff. */
export async function seedBench(database: OpenDatabase): Promise<BenchData> {
	const rng = createRng('bench');
	const now = Date.now();
	const tokens: string[] = [];
	let examId = 0;
	await database.transaction(async (tx) => {
		await exec(
			tx,
			`insert into branch (code, name, type, created_at) values ('B00', '县局营业部', 'head_office', ?)`,
			[now]
		);
		const bankId = await id(
			tx,
			`insert into question_bank (name, created_at) values ('储蓄业务', ?)`,
			[now]
		);
		for (let i = 0; i < QUESTIONS; i++) {
			const type = TYPES[i % 4]!;
			const options =
				type === 'single' || type === 'multiple'
					? ['A', 'B', 'C', 'D'].map((key, k) => ({
							key,
							text: `选项${key}`,
							correct: k === 0 || (type === 'multiple' && k === 2),
							weight: null,
							feedback: null
						}))
					: [];
			const q = await id(tx, 'insert into question (bank_id, created_at) values (?, ?)', [
				bankId,
				now
			]);
			const v = await id(
				tx,
				`insert into question_version (question_id, version, type, stem, options, correct_boolean, accepted_answers, difficulty, tags, created_at)
				 values (?, 1, ?, ?, ?, ?, ?, ?, '[]', ?)`,
				[
					q,
					type,
					`第 ${i + 1} 题：储蓄业务知识`,
					JSON.stringify(options),
					type === 'true_false' ? true : null,
					JSON.stringify(type === 'fill_blank' ? ['五万元'] : []),
					1 + rng.int(5),
					now
				]
			);
			await exec(tx, 'update question set current_version_id = ? where id = ?', [v, q]);
		}
		const blueprint = [
			{ id: 'single', bankId, type: 'single', count: 20, pointsEach: 2 },
			{ id: 'multiple', bankId, type: 'multiple', count: 15, pointsEach: 2 },
			{ id: 'tf', bankId, type: 'true_false', count: 10, pointsEach: 2 },
			{ id: 'fill', bankId, type: 'fill_blank', count: 5, pointsEach: 2 }
		];
		examId = await id(
			tx,
			`insert into exam_definition (title, purpose, blueprint, time_limit_minutes, pass_mark, review_policy, created_at, updated_at)
			 values ('基准测试考试', 'certification', ?, 120, 60, 'score_only', ?, ?)`,
			[JSON.stringify(blueprint), now, now]
		);
		for (let i = 0; i < STAFF; i++) {
			const staffId = await id(
				tx,
				`insert into staff (employee_no, name, branch_id, position, status, password_hash, must_change_password, created_at, updated_at)
				 values (?, ?, 1, '储蓄员', 'active', 'x', ?, ?, ?)`,
				[`B${String(i).padStart(5, '0')}`, `员工${i}`, false, now, now]
			);
			await exec(tx, `insert into staff_role (staff_id, role) values (?, 'learner')`, [staffId]);
			const token = generateSessionToken();
			await exec(
				tx,
				'insert into session (id, staff_id, created_at, expires_at, absolute_expires_at) values (?, ?, ?, ?, ?)',
				[sessionIdFromToken(token), staffId, now, now + SESSION_MS, now + SESSION_MS]
			);
			tokens.push(token);
		}
	});
	return { examId, tokens };
}

/** The bench database as a SQLite file. */
export async function seedBenchDb(file: string): Promise<BenchData> {
	const database = openSqlite(file);
	migrateSqlite(database.writer, path.resolve('drizzle'));
	const seeded = await seedBench(database);
	await closeDatabase(database.db);
	return seeded;
}

export interface BenchAttempt {
	id: number;
	token: string;
	types: string[];
}

/** Each open attempt's id, owner token and question types by position, read after the starts. */
export async function readOpenAttempts(db: Db, tokens: string[]): Promise<BenchAttempt[]> {
	// Only the open ones: the report bench's database also holds years of submitted history.
	const open = await rows<{ id: number; staffId: number; paper: string }>(
		db,
		`select id, staff_id as "staffId", paper from attempt where status = 'open' order by id`
	);
	const types = new Map(
		(await rows<{ id: number; type: string }>(db, 'select id, type from question_version')).map(
			(r) => [Number(r.id), r.type]
		)
	);
	return open.map((r) => ({
		id: Number(r.id),
		token: tokens[Number(r.staffId) - 1]!,
		types: (JSON.parse(r.paper) as { versionId: number }[]).map((item) =>
			types.get(item.versionId)!
		)
	}));
}

/** readOpenAttempts on a SQLite file. */
export async function readAttempts(file: string, tokens: string[]): Promise<BenchAttempt[]> {
	const database = openSqlite(file);
	try {
		return await readOpenAttempts(database.db, tokens);
	} finally {
		await closeDatabase(database.db);
	}
}
