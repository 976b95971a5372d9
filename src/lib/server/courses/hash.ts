import { createHash } from 'node:crypto';

/** A file's path relative to its course folder, and its text with LF line endings. */
export interface HashedFile {
	path: string;
	text: string;
}

/**
 * sha-256 over a course's files. Paths are relative to the course folder, so renumbering the
 * course among others is not a new version, while renaming, adding or editing a lesson is.
 */
export function hashCourseFiles(files: HashedFile[]): string {
	const hash = createHash('sha256');
	const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (const file of sorted) {
		// NUL separators keep "a" + "bc" distinct from "ab" + "c".
		hash.update(file.path).update('\0').update(file.text).update('\0');
	}
	return hash.digest('hex');
}
