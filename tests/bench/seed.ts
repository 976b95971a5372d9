// Builds the benchmark database: a 5,000-question bank, 2,000 staff with sessions, one exam
// whose blueprint draws 50 questions. Written straight into SQLite for speed; the server under
// test then works on it through its own services.
import { createSession } from '../../src/lib/server/auth/session';
import { systemClock } from '../../src/lib/server/clock';
import type { Config } from '../../src/lib/server/config';
import type { AppContext } from '../../src/lib/server/context';
import { closeDatabase, inTransaction } from '../../src/lib/server/db';
import { migrateSqlite, openSqlite } from '../../src/lib/server/db/sqlite';
import { createRng } from '../../src/lib/server/rng';
import path from 'node:path';
import Database from 'better-sqlite3';

export const QUESTIONS = 5_000;
export const STAFF = 2_000;
const TYPES = ['single', 'multiple', 'true_false', 'fill_blank'] as const;

export interface BenchData {
	examId: number;
	tokens: string[];
}

export async function seedBenchDb(file: string): Promise<BenchData> {
	const database = openSqlite(file);
	migrateSqlite(database.writer, path.resolve('drizzle'));
	const { db } = database;
	const ctx: AppContext = {
		db,
		clock: systemClock,
		config: { sessionIdleMs: 3_600_000, sessionAbsoluteMs: 4 * 3_600_000 } as Config
	};
	const rng = createRng('bench');
	const now = Date.now();
	// Raw statements on the writer connection run inside the transaction that holds it.
	const c = database.writer;
	const tokens: string[] = [];
	let examId = 0;
	await inTransaction(db, async (tx) => {
		c.prepare(
			`insert into branch (code, name, type, created_at) values ('B00', '县局营业部', 'head_office', ?)`
		).run(now);
		const bank = c
			.prepare(`insert into question_bank (name, created_at) values ('储蓄业务', ?)`)
			.run(now);
		const bankId = Number(bank.lastInsertRowid);
		const insQ = c.prepare('insert into question (bank_id, created_at) values (?, ?)');
		const insV = c.prepare(
			`insert into question_version (question_id, version, type, stem, options, correct_boolean, accepted_answers, difficulty, tags, created_at)
			 values (?, 1, ?, ?, ?, ?, ?, ?, '[]', ?)`
		);
		const setCurrent = c.prepare('update question set current_version_id = ? where id = ?');
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
			const q = Number(insQ.run(bankId, now).lastInsertRowid);
			const v = insV.run(
				q,
				type,
				`第 ${i + 1} 题：储蓄业务知识`,
				JSON.stringify(options),
				type === 'true_false' ? 1 : null,
				JSON.stringify(type === 'fill_blank' ? ['五万元'] : []),
				1 + rng.int(5),
				now
			);
			setCurrent.run(Number(v.lastInsertRowid), q);
		}
		const blueprint = [
			{ id: 'single', bankId, type: 'single', count: 20, pointsEach: 2 },
			{ id: 'multiple', bankId, type: 'multiple', count: 15, pointsEach: 2 },
			{ id: 'tf', bankId, type: 'true_false', count: 10, pointsEach: 2 },
			{ id: 'fill', bankId, type: 'fill_blank', count: 5, pointsEach: 2 }
		];
		examId = Number(
			c
				.prepare(
					`insert into exam_definition (title, purpose, blueprint, time_limit_minutes, pass_mark, review_policy, created_at, updated_at)
				 values ('基准测试考试', 'certification', ?, 120, 60, 'score_only', ?, ?)`
				)
				.run(JSON.stringify(blueprint), now, now).lastInsertRowid
		);
		const insS = c.prepare(
			`insert into staff (employee_no, name, branch_id, position, status, password_hash, must_change_password, created_at, updated_at)
			 values (?, ?, 1, '储蓄员', 'active', 'x', 0, ?, ?)`
		);
		const insR = c.prepare(`insert into staff_role (staff_id, role) values (?, 'learner')`);
		for (let i = 0; i < STAFF; i++) {
			const id = Number(
				insS.run(`B${String(i).padStart(5, '0')}`, `员工${i}`, now, now).lastInsertRowid
			);
			insR.run(id);
			tokens.push((await createSession({ ...ctx, db: tx }, id)).token);
		}
	});
	await closeDatabase(db);
	return { examId, tokens };
}

/** Each open attempt's id, owner token and question types by position, read after the starts. */
export function readAttempts(
	file: string,
	tokens: string[]
): { id: number; token: string; types: string[] }[] {
	const db = new Database(file, { readonly: true });
	const rows = db
		// Only the open ones: the report bench's database also holds years of submitted history.
		.prepare(`select id, staff_id as staffId, paper from attempt where status = 'open' order by id`)
		.all() as { id: number; staffId: number; paper: string }[];
	const typeOf = db.prepare('select type from question_version where id = ?');
	const result = rows.map((r) => ({
		id: r.id,
		token: tokens[r.staffId - 1]!,
		types: (JSON.parse(r.paper) as { versionId: number }[]).map(
			(item) => (typeOf.get(item.versionId) as { type: string }).type
		)
	}));
	db.close();
	return result;
}
