import { contentOf, isSameContent, type VersionContent } from './content';
import type { ParsedQuestions, QuestionDraft } from './types';

/** The database as an import sees it: banks by name, identified questions by bank and id. */
export interface ImportSnapshot {
	banks: Map<string, number>;
	questions: Map<string, { id: number; version: number; current: VersionContent }>;
}

export function questionKey(bankId: number, externalId: string): string {
	return `${bankId}\u0000${externalId}`;
}

export interface NewVersion {
	questionId: number;
	version: number;
	draft: QuestionDraft;
}

export interface ImportPlan {
	/** Banks named in the file that do not exist yet, in file order. */
	newBanks: string[];
	creates: QuestionDraft[];
	versions: NewVersion[];
	unchanged: QuestionDraft[];
}

// A type alias, not an interface, so it fits the JSON summary column's Record<string, number>.
export type QuestionImportCounts = {
	questions: number;
	created: number;
	newVersions: number;
	unchanged: number;
	newBanks: number;
	skipped: number;
	problems: number;
	warnings: number;
};

/**
 * What committing the parsed file would do: a question with an external id already in its
 * bank gets a new version only when its content changed; anything else is a new question.
 */
export function planImport(parsed: ParsedQuestions, snapshot: ImportSnapshot): ImportPlan {
	const plan: ImportPlan = { newBanks: [], creates: [], versions: [], unchanged: [] };
	for (const draft of parsed.questions) {
		const bankId = snapshot.banks.get(draft.bank);
		if (bankId === undefined && !plan.newBanks.includes(draft.bank)) {
			plan.newBanks.push(draft.bank);
		}
		const existing =
			bankId !== undefined && draft.externalId
				? snapshot.questions.get(questionKey(bankId, draft.externalId))
				: undefined;
		if (!existing) plan.creates.push(draft);
		else if (isSameContent(existing.current, contentOf(draft))) plan.unchanged.push(draft);
		else plan.versions.push({ questionId: existing.id, version: existing.version + 1, draft });
	}
	return plan;
}

export function countImport(parsed: ParsedQuestions, plan: ImportPlan): QuestionImportCounts {
	return {
		questions: parsed.questions.length,
		created: plan.creates.length,
		newVersions: plan.versions.length,
		unchanged: plan.unchanged.length,
		newBanks: plan.newBanks.length,
		skipped: parsed.skipped.length,
		problems: parsed.problems.length,
		warnings: parsed.warnings.length
	};
}
