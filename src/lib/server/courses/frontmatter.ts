import { parseDocument } from 'yaml';

export interface Frontmatter {
	data: Record<string, unknown>;
	body: string;
}

/** A frontmatter problem; the loader turns it into a ContentProblem naming the file. */
export class FrontmatterError extends Error {}

const FENCE = /^---[ \t]*$/;

/**
 * Splits `---`-fenced YAML from the markdown body and parses it.
 * Line numbers in errors count from the top of the file, so authors can jump to them.
 */
export function parseFrontmatter(text: string): Frontmatter {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (!FENCE.test(lines[0] ?? '')) {
		throw new FrontmatterError('missing frontmatter (the file must start with a --- line)');
	}
	const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
	if (end === -1) throw new FrontmatterError('frontmatter is not closed by a --- line');

	const yaml = lines.slice(1, end).join('\n');
	const doc = parseDocument(yaml);
	const [error] = doc.errors;
	if (error) {
		// The YAML starts on the file's second line, after the opening fence.
		const line = (error.linePos?.[0]?.line ?? 1) + 1;
		const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
		throw new FrontmatterError(`malformed frontmatter at line ${line}: ${reason}`);
	}
	const data: unknown = doc.toJS() ?? {};
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new FrontmatterError('frontmatter must be a mapping of keys to values');
	}
	return {
		data: data as Record<string, unknown>,
		body: lines
			.slice(end + 1)
			.join('\n')
			.trim()
	};
}
