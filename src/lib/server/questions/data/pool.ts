// question and question_version as papers use them: the pool a draw picks from, and the versions
// a paper showed.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { question, questionVersion } from '../../db/schema';
import type { AnalysedVersion, PoolQuestion } from '../types';

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
export async function selectPool(db: Db, bankIds: number[]): Promise<PoolQuestion[]> {
	if (bankIds.length === 0) return [];
	return await db
		.select(versionColumns)
		.from(question)
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(and(inArray(question.bankId, bankIds), eq(question.retired, false)));
}

/** Specific versions, whatever their question's state now: a paper keeps what it showed. */
export async function selectVersionsById(
	db: Db,
	versionIds: number[]
): Promise<Map<number, PoolQuestion>> {
	if (versionIds.length === 0) return new Map();
	const rows = await db
		.select(versionColumns)
		.from(questionVersion)
		.innerJoin(question, eq(question.id, questionVersion.questionId))
		.where(inArray(questionVersion.id, versionIds));
	return new Map(rows.map((r) => [r.versionId, r]));
}

/** The versions the papers showed, with their question and bank for links. */
export async function selectAnalysedVersions(
	db: Db,
	versionIds: number[]
): Promise<AnalysedVersion[]> {
	if (versionIds.length === 0) return [];
	return await db
		.select({
			versionId: questionVersion.id,
			version: questionVersion.version,
			questionId: question.id,
			bankId: question.bankId,
			externalId: question.externalId,
			retired: question.retired,
			type: questionVersion.type,
			stem: questionVersion.stem,
			options: questionVersion.options,
			correctBoolean: questionVersion.correctBoolean
		})
		.from(questionVersion)
		.innerJoin(question, eq(question.id, questionVersion.questionId))
		.where(inArray(questionVersion.id, versionIds));
}
