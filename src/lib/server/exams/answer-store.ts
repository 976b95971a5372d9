import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';

export interface AnswerRow {
	attemptId: number;
	position: number;
	questionVersionId: number;
	answerJson: string | null;
	flagged: boolean;
	seq: number;
	savedAt: number;
}

// The answer save is the hottest write in Qualify: raw statements, prepared once per connection.
interface Statements {
	head: Statement<[number], { staffId: number; status: string; deadline: number | null }>;
	upsert: Statement<[number, number, number, string | null, number, number, number, number]>;
	current: Statement<[number, number], { seq: number; savedAt: number }>;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
	let s = cache.get(db);
	if (!s) {
		const c = db.$client;
		s = {
			head: c.prepare('select staff_id as staffId, status, deadline from attempt where id = ?'),
			// Written only while the attempt is open, and never over a newer sequence number: the
			// status is checked again here because a grouped write lands a moment after validation.
			upsert: c.prepare(
				`insert into attempt_answer (attempt_id, position, question_version_id, answer, flagged, seq, saved_at)
				 select ?, ?, ?, ?, ?, ?, ? where exists (select 1 from attempt where id = ? and status = 'open')
				 on conflict (attempt_id, position) do update
				 set answer = excluded.answer, flagged = excluded.flagged, seq = excluded.seq, saved_at = excluded.saved_at
				 where excluded.seq > attempt_answer.seq`
			),
			current: c.prepare(
				'select seq, saved_at as savedAt from attempt_answer where attempt_id = ? and position = ?'
			)
		};
		cache.set(db, s);
	}
	return s;
}

export function selectAttemptHead(db: Db, attemptId: number) {
	return statements(db).head.get(attemptId);
}

/** Stores the answer unless a newer one is there or the attempt closed; true when stored. */
export function upsertAnswer(db: Db, row: AnswerRow): boolean {
	const result = statements(db).upsert.run(
		row.attemptId,
		row.position,
		row.questionVersionId,
		row.answerJson,
		row.flagged ? 1 : 0,
		row.seq,
		row.savedAt,
		row.attemptId
	);
	return result.changes === 1;
}

export function selectStoredSeq(db: Db, attemptId: number, position: number) {
	return statements(db).current.get(attemptId, position);
}

interface Queued {
	row: AnswerRow;
	resolve(stored: boolean): void;
	reject(e: unknown): void;
}
const queues = new WeakMap<Db, Queued[]>();

function flush(db: Db): void {
	const batch = queues.get(db)!.splice(0);
	let stored: boolean[];
	try {
		stored = db.$client.transaction(() => batch.map((q) => upsertAnswer(db, q.row))).immediate();
	} catch (e) {
		for (const q of batch) q.reject(e);
		return;
	}
	batch.forEach((q, i) => q.resolve(stored[i]!));
}

/**
 * Group commit: saves that arrive in the same turn of the event loop are written in one
 * transaction, so one fsync covers them all. Each promise settles only after that transaction
 * committed, so an acknowledged answer is still on disk.
 */
export function upsertAnswerGrouped(db: Db, row: AnswerRow): Promise<boolean> {
	return new Promise((resolve, reject) => {
		let queue = queues.get(db);
		if (!queue) queues.set(db, (queue = []));
		queue.push({ row, resolve, reject });
		if (queue.length === 1) setImmediate(() => flush(db));
	});
}
