import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { question, questionVersion } from '../db/schema';
import type { ExamQuestion } from './types';

const versionColumns = {
	questionId: question.id,
	versionId: questionVersion.id,
	bankId: question.bankId,
	category: questionVersion.category,
	type: questionVersion.type,
	format: questionVersion.format,
	stem: questionVersion.stem,
	options: questionVersion.options,
	correctBoolean: questionVersion.correctBoolean,
	acceptedAnswers: questionVersion.acceptedAnswers,
	explanation: questionVersion.explanation,
	difficulty: questionVersion.difficulty,
	tags: questionVersion.tags,
	competency: questionVersion.competency,
	retired: question.retired
};

/** The live questions of some banks at their current versions: the pool a draw picks from. */
export async function selectPool(db: Db, bankIds: number[]): Promise<ExamQuestion[]> {
	if (bankIds.length === 0) return [];
	return await db
		.select(versionColumns)
		.from(question)
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(and(inArray(question.bankId, bankIds), eq(question.retired, false)))
		.all();
}

/** Specific versions, whatever their question's state now: a paper keeps what it showed. */
export async function selectVersions(
	db: Db,
	versionIds: number[]
): Promise<Map<number, ExamQuestion>> {
	if (versionIds.length === 0) return new Map();
	const rows = await db
		.select(versionColumns)
		.from(questionVersion)
		.innerJoin(question, eq(question.id, questionVersion.questionId))
		.where(inArray(questionVersion.id, versionIds))
		.all();
	return new Map(rows.map((r) => [r.versionId, r]));
}
