import type { Tx } from '../db';
import { contentOf, type VersionContent } from './content';
import * as data from './data';
import type { QuestionDraft } from './types';

/** Who writes and when; staffId is null for the system (CLI, demo seed). */
export interface Author {
	staffId: number | null;
	now: number;
}

/** A new question with its first version, in the caller's transaction; the caller bumps the bank's revision. */
export async function storeQuestion(
	tx: Tx,
	bankId: number,
	draft: QuestionDraft,
	author: Author
): Promise<number> {
	const questionId = await data.insertQuestion(tx, {
		bankId,
		externalId: draft.externalId,
		createdBy: author.staffId,
		createdAt: author.now
	});
	await storeVersion(tx, questionId, 1, contentOf(draft), author);
	return questionId;
}

/** Appends a version, never rewriting one: attempts keep pointing at what they showed. */
export async function storeVersion(
	tx: Tx,
	questionId: number,
	version: number,
	content: VersionContent,
	author: Author
): Promise<number> {
	return await data.insertVersion(tx, {
		...content,
		questionId,
		version,
		createdBy: author.staffId,
		createdAt: author.now
	});
}
