import { DomainError, type Problem } from '../errors';
import { translate } from '../../i18n/messages';
import type { CommitProgress, RosterCounts } from '../roster/service';

// The CLI speaks English throughout; the web pages carry the Chinese.
const LOCALE = 'en';

/** "line 7, column 入职日期: The date …" — or just the message for a whole-file problem. */
export function formatProblem(problem: Problem): string {
	const message = translate(LOCALE, problem.key, problem.params);
	const line = problem.params?.line;
	const column = problem.params?.column;
	const where = [line !== undefined ? `line ${line}` : null, column ? `column ${column}` : null]
		.filter(Boolean)
		.join(', ');
	return where ? `${where}: ${message}` : message;
}

export function printProblems(problems: Problem[]): void {
	for (const problem of problems) console.error(formatProblem(problem));
}

export function formatCounts(counts: RosterCounts): string {
	return (
		`${counts.rows} rows: ${counts.created} new, ${counts.changed} changed, ` +
		`${counts.unchanged} unchanged, ${counts.newBranches} new branches`
	);
}

/** Prints a domain error's problems and says whether it was one (else the caller rethrows). */
export function reportDomainError(e: unknown): boolean {
	if (!(e instanceof DomainError)) return false;
	printProblems(e.problems);
	return true;
}

const PHASE_NAMES: Record<CommitProgress['phase'], string> = {
	checking: 'checking rows',
	preparing: 'preparing accounts',
	writing: 'writing'
};

/**
 * A commit's progress on the terminal: one line redrawn in place on a terminal, a line per
 * tenth when the output goes to a file or a pipe (a log should not hold a hundred lines).
 */
export function printProgress(
	stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>
): (progress: CommitProgress) => void {
	let lastTenth = -1;
	return ({ phase, done, total, percent }) => {
		const rows = total > 1 ? ` (${done.toLocaleString('en')} / ${total.toLocaleString('en')})` : '';
		const text = `Importing: ${String(percent).padStart(3)}% ${PHASE_NAMES[phase]}${rows}`;
		if (stream.isTTY) {
			stream.write(`\r${text.padEnd(72)}${percent === 100 ? '\n' : ''}`);
			return;
		}
		const tenth = Math.floor(percent / 10);
		if (tenth === lastTenth) return;
		lastTenth = tenth;
		stream.write(`${text}\n`);
	};
}
