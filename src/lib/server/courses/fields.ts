import { COURSE_KINDS, type ContentProblem, type CourseKind } from './types';

export interface CourseMeta {
	title: string;
	kind: CourseKind;
	audience: string[];
	summary: string;
	/** `aml_training: true`: counted in the regulator's anti-money-laundering training table. */
	amlTraining: boolean;
}

export interface ModuleMeta {
	title: string;
	summary: string;
}

export interface LessonMeta {
	title: string;
	classHours: number;
	/** Minutes of study before the lesson may be completed; null: the office's default share. */
	minMinutes: number | null;
}

/** Collects problems for one file; every check runs so the author sees all of them at once. */
class FieldReader {
	ok = true;

	constructor(
		private readonly data: Record<string, unknown>,
		private readonly file: string,
		private readonly problems: ContentProblem[],
		allowed: readonly string[]
	) {
		// A misspelt key (class_hour, titel) would otherwise be silently ignored.
		for (const key of Object.keys(data)) {
			if (!allowed.includes(key)) {
				this.fail(`unknown frontmatter key "${key}" (allowed: ${allowed.join(', ')})`);
			}
		}
	}

	fail(message: string): void {
		this.ok = false;
		this.problems.push({ file: this.file, message });
	}

	requiredText(key: string): string {
		const value = this.data[key];
		if (value === undefined || value === null) this.fail(`missing ${key}`);
		else if (typeof value !== 'string') this.fail(`${key} must be text`);
		else if (value.trim() === '') this.fail(`${key} is empty`);
		else return value.trim();
		return '';
	}

	optionalText(key: string): string {
		const value = this.data[key];
		if (value === undefined || value === null) return '';
		if (typeof value === 'string') return value.trim();
		this.fail(`${key} must be text`);
		return '';
	}

	kind(): CourseKind {
		const value = this.data.kind;
		if ((COURSE_KINDS as readonly unknown[]).includes(value)) return value as CourseKind;
		const shown = value === undefined ? 'missing kind' : `bad kind ${JSON.stringify(value)}`;
		this.fail(`${shown} (expected one of: ${COURSE_KINDS.join(', ')})`);
		return 'self_study';
	}

	textList(key: string): string[] {
		const value = this.data[key];
		const isList =
			Array.isArray(value) &&
			value.length > 0 &&
			value.every((item) => typeof item === 'string' && item.trim() !== '');
		if (isList) return (value as string[]).map((item) => item.trim());
		this.fail(`${key} must be a non-empty list of positions, e.g. [储蓄员, 综合柜员]`);
		return [];
	}

	optionalFlag(key: string): boolean {
		const value = this.data[key];
		if (value === undefined || value === null) return false;
		if (typeof value === 'boolean') return value;
		this.fail(`${key} must be true or false`);
		return false;
	}

	classHours(): number {
		const value = this.data.class_hours;
		if (value === undefined || value === null) {
			this.fail('missing class_hours');
		} else if (typeof value !== 'number' || !Number.isFinite(value)) {
			this.fail(`class_hours must be a number, got ${JSON.stringify(value)}`);
		} else if (value <= 0) {
			this.fail(`class_hours must be positive, got ${value}`);
		} else if (!Number.isInteger(value * 2)) {
			// The ledger counts in half hours; 0.25 h would not add up on a report.
			this.fail(`class_hours must be a multiple of 0.5, got ${value}`);
		} else {
			return value;
		}
		return 0;
	}

	minMinutes(): number | null {
		const value = this.data.min_minutes;
		if (value === undefined || value === null) return null;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
			this.fail(
				`min_minutes must be a number of minutes (0 or more), got ${JSON.stringify(value)}`
			);
			return null;
		}
		return value;
	}
}

/** Reads a course's index.md frontmatter; null when it has problems (already recorded). */
export function readCourseMeta(
	data: Record<string, unknown>,
	file: string,
	problems: ContentProblem[]
): CourseMeta | null {
	const r = new FieldReader(data, file, problems, [
		'title',
		'kind',
		'audience',
		'summary',
		'aml_training'
	]);
	const meta = {
		title: r.requiredText('title'),
		kind: r.kind(),
		audience: r.textList('audience'),
		summary: r.optionalText('summary'),
		amlTraining: r.optionalFlag('aml_training')
	};
	return r.ok ? meta : null;
}

/** Reads a module's index.md frontmatter; null when it has problems (already recorded). */
export function readModuleMeta(
	data: Record<string, unknown>,
	file: string,
	problems: ContentProblem[]
): ModuleMeta | null {
	const r = new FieldReader(data, file, problems, ['title', 'summary']);
	const meta = { title: r.requiredText('title'), summary: r.optionalText('summary') };
	return r.ok ? meta : null;
}

/** Reads a lesson's frontmatter; null when it has problems (already recorded). */
export function readLessonMeta(
	data: Record<string, unknown>,
	file: string,
	problems: ContentProblem[]
): LessonMeta | null {
	const r = new FieldReader(data, file, problems, ['title', 'class_hours', 'min_minutes']);
	const meta = {
		title: r.requiredText('title'),
		classHours: r.classHours(),
		minMinutes: r.minMinutes()
	};
	return r.ok ? meta : null;
}
