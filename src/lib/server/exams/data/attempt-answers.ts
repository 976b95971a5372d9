// attempt_answer: the examinee's saved answers (the answer store, the hottest write in Qualify)
// and, after submission, each position's grade.
import { and, eq } from 'drizzle-orm';
import { databaseOf, exec, inTransaction, row, type Db } from '../../db';
import { lockSharedSql } from '../../db/dialect';
import { attempt, attemptAnswer, type AttemptAnswer } from '../../db/schema';

export interface AnswerRow {
	attemptId: number;
	position: number;
	questionVersionId: number;
	answerJson: string | null;
	flagged: boolean;
	seq: number;
	savedAt: number;
}

// The answer save is the hottest write in Qualify: fixed statement texts, so each is prepared
// once per connection by the adapter's statement cache.
const HEAD = 'select staff_id as "staffId", status, deadline from attempt where id = ?';
// Written only while the attempt is open, and never over a newer sequence number: the status is
// checked again here because a grouped write lands a moment after validation. On PostgreSQL the
// check takes a share lock on the attempt row, so a submission (which locks the row before it
// reads the answers) and a save never cross: the save lands before the grade reads it, or sees
// the attempt closed. One text per database, still fixed.
const upsertText = (lock: string): string => `insert into attempt_answer (attempt_id, position, question_version_id, answer, flagged, seq, saved_at)
	select ?, ?, ?, ?, ?, ?, ? where exists (select 1 from attempt where id = ? and status = 'open'${lock})
	on conflict (attempt_id, position) do update
	set answer = excluded.answer, flagged = excluded.flagged, seq = excluded.seq, saved_at = excluded.saved_at
	where excluded.seq > attempt_answer.seq`;
const UPSERT = { sqlite: upsertText(''), postgres: upsertText(lockSharedSql('postgres')) };
const CURRENT =
	'select seq, saved_at as "savedAt" from attempt_answer where attempt_id = ? and position = ?';

export async function selectAttemptHead(
	db: Db,
	attemptId: number
): Promise<{ staffId: number; status: string; deadline: number | null } | undefined> {
	return await row(db, HEAD, [attemptId]);
}

/** Stores the answer unless a newer one is there or the attempt closed; true when stored. */
export async function upsertAnswer(db: Db, answer: AnswerRow): Promise<boolean> {
	const result = await exec(db, UPSERT[databaseOf(db).dialect], [
		answer.attemptId,
		answer.position,
		answer.questionVersionId,
		answer.answerJson,
		answer.flagged,
		answer.seq,
		answer.savedAt,
		answer.attemptId
	]);
	return result.changes === 1;
}

export async function selectStoredSeq(
	db: Db,
	attemptId: number,
	position: number
): Promise<{ seq: number; savedAt: number } | undefined> {
	return await row(db, CURRENT, [attemptId, position]);
}

interface Queued {
	row: AnswerRow;
	resolve(stored: boolean): void;
	reject(e: unknown): void;
}
const queues = new WeakMap<Db, Queued[]>();

async function flush(db: Db): Promise<void> {
	const batch = queues.get(db)!.splice(0);
	let stored: boolean[];
	try {
		stored = await inTransaction(db, async (tx) => {
			const results: boolean[] = [];
			for (const q of batch) results.push(await upsertAnswer(tx, q.row));
			return results;
		});
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
export function upsertAnswerGrouped(db: Db, answer: AnswerRow): Promise<boolean> {
	return new Promise((resolve, reject) => {
		let queue = queues.get(db);
		if (!queue) queues.set(db, (queue = []));
		queue.push({ row: answer, resolve, reject });
		if (queue.length === 1) setImmediate(() => void flush(db));
	});
}

/** Every saved or graded position of an attempt. */
export async function selectAnswers(db: Db, attemptId: number): Promise<AttemptAnswer[]> {
	return await db.select().from(attemptAnswer).where(eq(attemptAnswer.attemptId, attemptId));
}

/** Writes a position's grade, making the row when the examinee never saved an answer there. */
export async function recordItemGrade(
	db: Db,
	row: {
		attemptId: number;
		position: number;
		questionVersionId: number;
		correct: boolean;
		score: number;
		now: number;
	}
): Promise<void> {
	await db
		.insert(attemptAnswer)
		.values({
			attemptId: row.attemptId,
			position: row.position,
			questionVersionId: row.questionVersionId,
			answer: null,
			seq: 0,
			savedAt: row.now,
			correct: row.correct,
			score: row.score
		})
		.onConflictDoUpdate({
			target: [attemptAnswer.attemptId, attemptAnswer.position],
			set: { correct: row.correct, score: row.score }
		});
}

export interface GradedAnswerRow {
	attemptId: number;
	position: number;
	questionVersionId: number;
	answer: unknown;
	correct: boolean | null;
	score: number | null;
}

/** Every graded position of the exam's submitted attempts (walks attempt_exam_idx). */
export async function selectGradedAnswers(db: Db, examId: number): Promise<GradedAnswerRow[]> {
	return await db
		.select({
			attemptId: attemptAnswer.attemptId,
			position: attemptAnswer.position,
			questionVersionId: attemptAnswer.questionVersionId,
			answer: attemptAnswer.answer,
			correct: attemptAnswer.correct,
			score: attemptAnswer.score
		})
		.from(attemptAnswer)
		.innerJoin(attempt, eq(attempt.id, attemptAnswer.attemptId))
		.where(and(eq(attempt.examId, examId), eq(attempt.status, 'submitted')));
}
