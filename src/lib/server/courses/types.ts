/** The kinds of training the annual class-hour requirements are counted by: the hour kinds. */
export { HOUR_KINDS as COURSE_KINDS, type HourKind as CourseKind } from '../../hours/enums';
import type { HourKind as CourseKind } from '../../hours/enums';

export interface LessonNode {
	slug: string;
	title: string;
	/** Credited once when the lesson is completed; a positive multiple of 0.5. */
	classHours: number;
	/** Minutes of study before it may be completed (front matter min_minutes); null: default. */
	minMinutes: number | null;
	/** The numeric prefix of the file name: lessons are shown in this order. */
	order: number;
	/** Path relative to the content folder, with forward slashes. */
	file: string;
	/** The lesson body (markdown, not yet rendered). */
	markdown: string;
}

export interface ModuleNode {
	slug: string;
	title: string;
	summary: string;
	order: number;
	/** The module's index.md, relative to the content folder. */
	file: string;
	/** Optional introduction from the module's index.md body. */
	markdown: string;
	lessons: LessonNode[];
}

export interface CourseTree {
	slug: string;
	title: string;
	kind: CourseKind;
	/** Positions the course is meant for, in the bank's words (储蓄员, 综合柜员, ...). */
	audience: string[];
	summary: string;
	/** Front matter `aml_training: true` (optional; false when absent). */
	amlTraining?: boolean;
	order: number;
	/** The course's index.md, relative to the content folder. */
	file: string;
	/** Optional introduction from the course's index.md body. */
	markdown: string;
	/** sha-256 (hex) of every file of the course: a new hash is a new version. */
	hash: string;
	modules: ModuleNode[];
	totalClassHours: number;
}

/** One thing wrong with the content tree, named by the file it is in. */
export interface ContentProblem {
	file: string;
	message: string;
}

/** Thrown by loadContent with every problem found, so authors fix them all in one pass. */
export class ContentError extends Error {
	constructor(
		readonly dir: string,
		readonly problems: ContentProblem[]
	) {
		const lines = problems.map((p) => `  - ${p.file}: ${p.message}`);
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		super(`Course content in ${dir} has ${count}:\n${lines.join('\n')}`);
		this.name = 'ContentError';
	}
}
