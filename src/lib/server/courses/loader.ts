import fs from 'node:fs';
import path from 'node:path';
import { readFolder, joinRel, type Entry } from './entries';
import { readCourseMeta, readLessonMeta, readModuleMeta } from './fields';
import { FrontmatterError, parseFrontmatter, type Frontmatter } from './frontmatter';
import { hashCourseFiles, type HashedFile } from './hash';
import {
	ContentError,
	type ContentProblem,
	type CourseTree,
	type LessonNode,
	type ModuleNode
} from './types';

/** State shared while one course is read: where content lives and what went wrong. */
interface Walk {
	root: string;
	problems: ContentProblem[];
	/** The course's files for its hash, paths relative to the course folder. */
	files: HashedFile[];
	courseRel: string;
}

/**
 * Reads and validates the course tree under `dir`. Throws one ContentError listing every
 * problem, so a broken tree stops the start with a message naming each file to fix.
 */
export function loadContent(dir: string): CourseTree[] {
	const root = path.resolve(dir);
	if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
		throw new ContentError(dir, [{ file: '.', message: 'content folder not found' }]);
	}
	const problems: ContentProblem[] = [];
	const { entries } = readFolder(root, '', 'folder', problems);
	const courses: CourseTree[] = [];
	for (const entry of entries) {
		const course = loadCourse({ root, problems, files: [], courseRel: entry.rel }, entry);
		if (course) courses.push(course);
	}
	if (entries.length === 0 && problems.length === 0) {
		problems.push({ file: '.', message: 'no courses found (expected NN-course-slug folders)' });
	}
	if (problems.length > 0) throw new ContentError(dir, problems);
	return courses;
}

function loadCourse(walk: Walk, entry: Entry): CourseTree | null {
	const folder = readFolder(walk.root, entry.rel, 'folder', walk.problems);
	const file = joinRel(entry.rel, 'index.md');
	const index = readIndex(walk, file, folder.hasIndex, 'course');
	const meta = index && readCourseMeta(index.data, file, walk.problems);
	if (folder.entries.length === 0) {
		walk.problems.push({ file: entry.rel, message: 'course has no modules' });
	}
	// Modules are checked even when the course index is broken, to report everything at once.
	const modules = folder.entries.map((m) => loadModule(walk, m));
	if (!meta || !index || modules.some((m) => m === null)) return null;

	const complete = modules as ModuleNode[];
	return {
		slug: entry.slug,
		title: meta.title,
		kind: meta.kind,
		audience: meta.audience,
		summary: meta.summary,
		amlTraining: meta.amlTraining,
		order: entry.order,
		file,
		markdown: index.body,
		hash: hashCourseFiles(walk.files),
		modules: complete,
		totalClassHours: sumHours(complete.flatMap((m) => m.lessons))
	};
}

function loadModule(walk: Walk, entry: Entry): ModuleNode | null {
	const folder = readFolder(walk.root, entry.rel, 'lesson', walk.problems);
	const file = joinRel(entry.rel, 'index.md');
	const index = readIndex(walk, file, folder.hasIndex, 'module');
	const meta = index && readModuleMeta(index.data, file, walk.problems);
	if (folder.entries.length === 0) {
		walk.problems.push({ file: entry.rel, message: 'module has no lessons' });
	}
	const lessons = folder.entries.map((l) => loadLesson(walk, l));
	if (!meta || !index || lessons.some((l) => l === null)) return null;
	return {
		slug: entry.slug,
		title: meta.title,
		summary: meta.summary,
		order: entry.order,
		file,
		markdown: index.body,
		lessons: lessons as LessonNode[]
	};
}

function loadLesson(walk: Walk, entry: Entry): LessonNode | null {
	const parsed = readMarkdown(walk, entry.rel);
	const meta = parsed && readLessonMeta(parsed.data, entry.rel, walk.problems);
	if (parsed && parsed.body === '') {
		walk.problems.push({ file: entry.rel, message: 'lesson has no body' });
		return null;
	}
	if (!parsed || !meta) return null;
	return {
		slug: entry.slug,
		title: meta.title,
		classHours: meta.classHours,
		minMinutes: meta.minMinutes,
		order: entry.order,
		file: entry.rel,
		markdown: parsed.body
	};
}

function readIndex(
	walk: Walk,
	file: string,
	exists: boolean,
	level: 'course' | 'module'
): Frontmatter | null {
	if (exists) return readMarkdown(walk, file);
	walk.problems.push({ file, message: `missing index.md (every ${level} folder needs one)` });
	return null;
}

/** Reads and parses one markdown file, recording it for the course hash. */
function readMarkdown(walk: Walk, rel: string): Frontmatter | null {
	// Normalised so a Windows checkout (CRLF) does not look like a new version.
	const text = fs.readFileSync(path.join(walk.root, rel), 'utf8').replace(/\r\n/g, '\n');
	walk.files.push({ path: rel.slice(walk.courseRel.length + 1), text });
	try {
		return parseFrontmatter(text);
	} catch (error) {
		if (!(error instanceof FrontmatterError)) throw error;
		walk.problems.push({ file: rel, message: error.message });
		return null;
	}
}

/** Sums in half hours so 0.5 + 1.5 + ... stays exact whatever the count. */
function sumHours(lessons: LessonNode[]): number {
	return lessons.reduce((halves, l) => halves + Math.round(l.classHours * 2), 0) / 2;
}
