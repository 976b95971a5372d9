import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './types';

/** A numbered course or module folder, or a numbered lesson file. */
export interface Entry {
	slug: string;
	order: number;
	/** File name as found on disk. */
	name: string;
	/** Path relative to the content folder, with forward slashes. */
	rel: string;
}

export interface Folder {
	entries: Entry[];
	hasIndex: boolean;
}

/** Which entries a folder may hold: course/module folders, or lesson files. */
export type EntryKind = 'folder' | 'lesson';

const NUMBERED = /^(\d+)-(.*)$/;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Joins content-relative paths with forward slashes, whatever the platform. */
export function joinRel(...parts: string[]): string {
	return parts.filter((p) => p !== '').join('/');
}

/**
 * Lists a folder's numbered entries in order, recording a problem for each entry that is
 * misnamed, of the wrong type, or repeats another's order or slug.
 */
export function readFolder(
	root: string,
	relDir: string,
	want: EntryKind,
	problems: ContentProblem[]
): Folder {
	const dirents = fs.readdirSync(path.join(root, relDir), { withFileTypes: true });
	const entries: Entry[] = [];
	let hasIndex = false;
	// Sorted so problems come out in the same order on every machine.
	for (const dirent of dirents.sort((a, b) => a.name.localeCompare(b.name))) {
		const name = dirent.name;
		if (name.startsWith('.')) continue; // .DS_Store, .gitkeep, editor swap files
		const rel = joinRel(relDir, name);
		if (relDir !== '' && name === 'index.md' && dirent.isFile()) {
			hasIndex = true;
			continue;
		}
		const entry = parseEntry(name, rel, dirent.isDirectory(), want, problems);
		if (entry) entries.push(entry);
	}
	reportDuplicates(entries, problems);
	entries.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
	return { entries, hasIndex };
}

function parseEntry(
	name: string,
	rel: string,
	isDir: boolean,
	want: EntryKind,
	problems: ContentProblem[]
): Entry | null {
	const fail = (message: string): null => {
		problems.push({ file: rel, message });
		return null;
	};
	if (want === 'folder' && !isDir) {
		return fail('unexpected file: this level holds only NN-slug folders (and index.md)');
	}
	if (want === 'lesson' && (isDir || !name.endsWith('.md'))) {
		return fail('unexpected entry: a module holds only index.md and NN-slug.md lesson files');
	}
	const stem = want === 'lesson' ? name.slice(0, -'.md'.length) : name;
	const match = NUMBERED.exec(stem);
	if (!match) return fail('name has no NN- order prefix (e.g. 01-cash-counting)');
	const [, digits = '', slug = ''] = match;
	if (!KEBAB.test(slug)) {
		return fail(`slug "${slug}" must be kebab-case ASCII (a-z, 0-9, hyphens)`);
	}
	return { slug, order: Number(digits), name, rel };
}

function reportDuplicates(entries: Entry[], problems: ContentProblem[]): void {
	const byOrder = new Map<number, Entry>();
	const bySlug = new Map<string, Entry>();
	for (const entry of entries) {
		const sameOrder = byOrder.get(entry.order);
		if (sameOrder) {
			problems.push({
				file: entry.rel,
				message: `duplicate order ${entry.order} (also used by ${sameOrder.name})`
			});
		} else byOrder.set(entry.order, entry);
		const sameSlug = bySlug.get(entry.slug);
		if (sameSlug) {
			problems.push({
				file: entry.rel,
				message: `duplicate slug "${entry.slug}" (also used by ${sameSlug.name})`
			});
		} else bySlug.set(entry.slug, entry);
	}
}
