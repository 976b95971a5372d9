import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';

// The answer save is the hottest write in Qualify: raw statements, prepared once per connection.
interface Statements {
	head: Statement<[number], { staffId: number; status: string; deadline: number | null }>;
	upsert: Statement<[number, number, number, string | null, number, number, number]>;
	current: Statement<[number, number], { seq: number; savedAt: number }>;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
	let s = cache.get(db);
	if (!s) {
		const c = db.$client;
		s = {
			head: c.prepare('select staff_id as staffId, status, deadline from attempt where id = ?'),
			// A save with an older sequence number than the stored one changes nothing.
			upsert: c.prepare(
				`insert into attempt_answer (attempt_id, position, question_version_id, answer, flagged, seq, saved_at)
				 values (?, ?, ?, ?, ?, ?, ?)
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

/** Stores the answer unless a newer one is there; returns whether this one was stored. */
export function upsertAnswer(
	db: Db,
	row: {
		attemptId: number;
		position: number;
		questionVersionId: number;
		answerJson: string | null;
		flagged: boolean;
		seq: number;
		savedAt: number;
	}
): boolean {
	const result = statements(db).upsert.run(
		row.attemptId,
		row.position,
		row.questionVersionId,
		row.answerJson,
		row.flagged ? 1 : 0,
		row.seq,
		row.savedAt
	);
	return result.changes === 1;
}

export function selectStoredSeq(db: Db, attemptId: number, position: number) {
	return statements(db).current.get(attemptId, position);
}
