import fs from 'node:fs';
import path from 'node:path';
import type { ImportProblem } from '../../../src/lib/server/questions/types';

export const fixture = (name: string): Uint8Array =>
	fs.readFileSync(path.resolve('tests/fixtures/questions', name));

export const utf8 = (...lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\n'));

/** Problems as [line, column, key without prefix]: short to read, exact to compare. */
export function brief(problems: ImportProblem[]): [number, string | null, string][] {
	return problems.map((p) => [
		p.line,
		p.column,
		p.key.replace(/^questions\.(error|warning)\./, '')
	]);
}
