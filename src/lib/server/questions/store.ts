import type { Db } from '../db';
import { contentOf, type VersionContent } from './content';
import * as q from './queries';
import type { QuestionDraft } from './types';

/** Who writes and when; staffId is null for the system (CLI, demo seed). */
export interface Author {
	staffId: number | null;
	now: number;
}

/** A new question with its first version; the caller bumps the bank's revision. */
export async function storeQuestion(
	db: Db,
	bankId: number,
	draft: QuestionDraft,
	author: Author
): Promise<number> {
	const questionId = await q.insertQuestion(db, {
		bankId,
		externalId: draft.externalId,
		createdBy: author.staffId,
		createdAt: author.now
	});
	await storeVersion(db, questionId, 1, contentOf(draft), author);
	return questionId;
}

/** Appends a version, never rewriting one: attempts keep pointing at what they showed. */
export async function storeVersion(
	db: Db,
	questionId: number,
	version: number,
	content: VersionContent,
	author: Author
): Promise<number> {
	return await q.insertVersion(db, {
		...content,
		questionId,
		version,
		createdBy: author.staffId,
		createdAt: author.now
	});
}
