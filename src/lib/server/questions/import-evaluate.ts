import type { Db } from '../db';
import {
	countImport,
	planImport,
	questionKey,
	type ImportPlan,
	type ImportSnapshot,
	type QuestionImportCounts
} from './import-plan';
import { contentOf } from './content';
import * as data from './data';
import { readQuestionFile } from './read-questions';
import type { ImportProblem, ParsedQuestions, SkippedQuestion } from './types';

export interface Evaluation {
	parsed: ParsedQuestions;
	plan: ImportPlan;
	counts: QuestionImportCounts;
}

async function snapshot(db: Db): Promise<ImportSnapshot> {
	const banks = new Map((await data.selectBanks(db)).map((b) => [b.name, b.id]));
	const questions: ImportSnapshot['questions'] = new Map();
	for (const row of await data.selectIdentifiedQuestions(db)) {
		const current = contentOf(row.current);
		const version = row.current.version;
		questions.set(questionKey(row.bankId, row.externalId), { id: row.id, version, current });
	}
	return { banks, questions };
}

/** Parses a stored or uploaded file and plans it against the database as it is now. */
export async function evaluate(
	db: Db,
	fileName: string,
	bytes: Uint8Array,
	defaultBank: string | null
): Promise<Evaluation> {
	const parsed = readQuestionFile(fileName, bytes, { defaultBank });
	const plan = planImport(parsed, await snapshot(db));
	return { parsed, plan, counts: countImport(parsed, plan) };
}

/** What the preview page and the CLI show of an evaluation. */
export interface QuestionImportPreview {
	importId: number | null;
	fileName: string;
	defaultBank: string | null;
	counts: QuestionImportCounts;
	problems: ImportProblem[];
	warnings: ImportProblem[];
	skipped: SkippedQuestion[];
	newBanks: string[];
	/** Questions that get a new version: the changes a trainer should look over. */
	updated: { line: number; bank: string; externalId: string; version: number }[];
}

export function toPreview(
	importId: number | null,
	fileName: string,
	defaultBank: string | null,
	e: Evaluation
): QuestionImportPreview {
	return {
		importId,
		fileName,
		defaultBank,
		counts: e.counts,
		problems: e.parsed.problems,
		warnings: e.parsed.warnings,
		skipped: e.parsed.skipped,
		newBanks: e.plan.newBanks,
		updated: e.plan.versions.map((v) => ({
			line: v.draft.line,
			bank: v.draft.bank,
			externalId: v.draft.externalId ?? '',
			version: v.version
		}))
	};
}
