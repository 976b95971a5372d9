// Reads of graded answers (attempt_answer of submitted attempts) for 错题本 and knowledge-point
// mastery, and notebook_mastery. Unanswered items are not counted: neither wrong nor right.
import { and, eq } from 'drizzle-orm';
import { rows, type Db } from '../../db';
import { notebookMastery } from '../../db/schema';

export interface WrongAnswerRow {
	questionId: number;
	versionId: number;
	examId: number;
	wrongAt: number;
}

/** Every answered-and-wrong item of the person's submitted attempts, any purpose. */
export async function selectWrongAnswers(db: Db, staffId: number): Promise<WrongAnswerRow[]> {
	return await rows<WrongAnswerRow>(
		db,
		`select qv.question_id as "questionId", aa.question_version_id as "versionId",
			a.exam_id as "examId", a.submitted_at as "wrongAt"
		from attempt a
		join attempt_answer aa on aa.attempt_id = a.id
		join question_version qv on qv.id = aa.question_version_id
		where a.staff_id = ? and a.status = 'submitted' and aa.answer is not null
			and not aa.correct
		order by a.submitted_at, aa.position`,
		[staffId]
	);
}

export interface AnsweredCountRow {
	versionId: number;
	answered: number;
	right: number;
}

/**
 * Answered items of submitted attempts since `since`, counted per question version: for one
 * person, or the current staff of a branch and/or position (null: any).
 */
export async function selectAnsweredCounts(
	db: Db,
	who: { staffId: number } | { branchId: number | null; position: string | null },
	since: number
): Promise<AnsweredCountRow[]> {
	const where = ['a.status = ?', 'a.submitted_at >= ?', 'aa.answer is not null', 'aa.correct is not null'];
	const params: unknown[] = ['submitted', since];
	let join = '';
	if ('staffId' in who) {
		where.push('a.staff_id = ?');
		params.push(who.staffId);
	} else {
		join = 'join staff s on s.id = a.staff_id';
		where.push(`s.status <> 'left'`);
		if (who.branchId !== null) {
			where.push('s.branch_id = ?');
			params.push(who.branchId);
		}
		if (who.position !== null) {
			where.push('s.position = ?');
			params.push(who.position);
		}
	}
	return await rows<AnsweredCountRow>(
		db,
		`select aa.question_version_id as "versionId", count(*) as "answered",
			sum(case when aa.correct then 1 else 0 end) as "right"
		from attempt a
		${join}
		join attempt_answer aa on aa.attempt_id = a.id
		where ${where.join(' and ')}
		group by aa.question_version_id
		order by aa.question_version_id`,
		params
	);
}

export async function selectMasteredByHand(
	db: Db,
	staffId: number
): Promise<{ questionId: number; masteredAt: number }[]> {
	return await db
		.select({ questionId: notebookMastery.questionId, masteredAt: notebookMastery.masteredAt })
		.from(notebookMastery)
		.where(eq(notebookMastery.staffId, staffId));
}

export async function upsertMasteredByHand(
	db: Db,
	row: { staffId: number; questionId: number; masteredAt: number }
): Promise<void> {
	await db
		.insert(notebookMastery)
		.values(row)
		.onConflictDoUpdate({
			target: [notebookMastery.staffId, notebookMastery.questionId],
			set: { masteredAt: row.masteredAt }
		});
}

export async function deleteMasteredByHand(db: Db, staffId: number, questionId: number): Promise<void> {
	await db
		.delete(notebookMastery)
		.where(and(eq(notebookMastery.staffId, staffId), eq(notebookMastery.questionId, questionId)));
}

/** The positions current staff hold, for the knowledge-point page's choice. */
export async function selectPositions(db: Db): Promise<string[]> {
	return (
		await rows<{ position: string }>(
			db,
			`select distinct position as "position" from staff where status <> 'left' order by position`
		)
	).map((r) => r.position);
}
