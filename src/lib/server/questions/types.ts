import type { QuestionType, TextFormat } from '../../questions/enums';

export interface OptionDraft {
	/** A, B, C… in the order the author wrote them. */
	key: string;
	text: string;
	correct: boolean;
	/**
	 * Credit in percent for multiple-answer questions (GIFT %n%); negative for a penalty.
	 * Null when the author gave none: correct options then share the credit equally.
	 */
	weight: number | null;
	/** Per-option feedback (GIFT #feedback); shown after submission where the review allows. */
	feedback: string | null;
}

/** A question as read from a file or a form, before it is stored. */
export interface QuestionDraft {
	/** Line in the source file where the question starts (1-based); 0 for forms. */
	line: number;
	/** The author's own id (CSV 编号, GIFT ::name::); re-importing it makes a new version. */
	externalId: string | null;
	bank: string;
	/** Category path inside the bank, e.g. "储蓄业务/开户" (GIFT $CATEGORY). */
	category: string | null;
	type: QuestionType;
	format: TextFormat;
	stem: string;
	/** single and multiple only; true/false and fill-in have none. */
	options: OptionDraft[];
	/** true_false only. */
	correctBoolean: boolean | null;
	/** fill_blank only: any of these counts as correct after normalization. */
	acceptedAnswers: string[];
	explanation: string;
	/** 1 (easy) to 5 (hard). */
	difficulty: number;
	tags: string[];
	competency: string | null;
}

/** A problem in an import file, named by line and, where it has one, column. */
export interface ImportProblem {
	line: number;
	column: string | null;
	/** Message key of the questions catalogue, e.g. 'questions.error.unknownType'. */
	key: string;
	params: Record<string, string | number>;
}

/** A construct the importer does not take (GIFT matching, numerical, essay), reported not fatal. */
export interface SkippedQuestion {
	line: number;
	kind: 'matching' | 'numerical' | 'essay' | 'description' | 'other';
	name: string | null;
}

export interface ParsedQuestions {
	questions: QuestionDraft[];
	/** Errors: the import is all-or-nothing, so any problem blocks it. */
	problems: ImportProblem[];
	skipped: SkippedQuestion[];
	/**
	 * Notes that do not block the import but change what is stored (an ignored column, a GIFT
	 * partial-credit short answer left out); the preview shows them beside the problems.
	 */
	warnings: ImportProblem[];
}

/** Most options a choice question may have: the CSV's 选项A..选项H, and the same for GIFT. */
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

/**
 * One stored version of a question, as a paper uses it: a QuestionDraft plus ids. Attempts point
 * at a version, so later edits never change a paper already drawn.
 */
export interface PoolQuestion {
	questionId: number;
	versionId: number;
	bankId: number;
	/** Category path inside the bank, e.g. "储蓄业务/开户". */
	category: string | null;
	type: QuestionType;
	/** How stem, options and explanation are written; markdown when absent. */
	format?: TextFormat;
	stem: string;
	options: OptionDraft[];
	correctBoolean: boolean | null;
	acceptedAnswers: string[];
	explanation: string;
	difficulty: number;
	tags: string[];
	competency: string | null;
	retired: boolean;
}

/** A version the papers of an exam showed, with its question and bank (item analysis). */
export interface AnalysedVersion {
	versionId: number;
	version: number;
	questionId: number;
	bankId: number;
	externalId: string | null;
	retired: boolean;
	type: QuestionType;
	stem: string;
	options: OptionDraft[];
	correctBoolean: boolean | null;
}
