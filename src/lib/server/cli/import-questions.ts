import fs from 'node:fs';
import path from 'node:path';
import { isMessageKey, translate } from '../../i18n/messages';
import type { QuestionImportCounts } from '../questions/import-plan';
import {
	checkQuestionFile,
	commitQuestionImport,
	discardQuestionImport,
	previewQuestionImport,
	type QuestionImportPreview
} from '../questions/import-service';
import type { ImportProblem } from '../questions/types';
import { SYSTEM_ACTOR } from '../roster/actor';
import { parseSingle } from './args';
import type { Command } from './commands';
import { withApp } from './open-app';

const USAGE = 'import-questions <file.csv|file.gift|file.txt> [--dry-run] [--bank NAME]';

// The CLI speaks English throughout; the web pages carry the Chinese.
function message(p: ImportProblem): string {
	const text = isMessageKey(p.key) ? translate('en', p.key, p.params) : p.key;
	const where = [p.line > 0 ? `line ${p.line}` : null, p.column ? `column ${p.column}` : null]
		.filter(Boolean)
		.join(', ');
	return where ? `${where}: ${text}` : text;
}

/** Every problem and note with its line; every skipped question with its line. */
function printFindings(preview: QuestionImportPreview): void {
	for (const p of preview.problems) console.error(message(p));
	for (const w of preview.warnings) console.error(`note: ${message(w)}`);
	for (const s of preview.skipped) {
		const name = s.name ? ` “${s.name}”` : '';
		console.error(`line ${s.line}: skipped ${s.kind} question${name} (not supported)`);
	}
}

export function formatQuestionCounts(c: QuestionImportCounts): string {
	return (
		`${c.questions} questions: ${c.created} new, ${c.newVersions} new versions, ` +
		`${c.unchanged} unchanged, ${c.newBanks} new banks, ${c.skipped} skipped`
	);
}

/** `import-questions`: the web import's preview and commit, from a terminal. */
export const importQuestions: Command = {
	usage: USAGE,
	summary:
		'Check (--dry-run) or import a question bank file (CSV or Moodle GIFT); --bank names the bank for questions whose file gives none.',
	async run(args) {
		const parsed = parseSingle(args, USAGE, 'question file', {
			'dry-run': { type: 'boolean' },
			bank: { type: 'string' }
		});
		if (typeof parsed === 'number') return parsed;
		const file = parsed.positional;
		let bytes: Uint8Array;
		try {
			bytes = fs.readFileSync(file);
		} catch {
			console.error(`Cannot read ${file}: check the path and that you may read it.`);
			return 1;
		}
		const upload = { fileName: path.basename(file), bytes, defaultBank: parsed.values.bank };
		return withApp(async (ctx) => {
			if (parsed.values['dry-run']) {
				const preview = checkQuestionFile(ctx, SYSTEM_ACTOR, upload);
				printFindings(preview);
				if (preview.problems.length > 0) {
					console.error(`${preview.problems.length} problems; nothing would be written.`);
					return 1;
				}
				console.log(`Dry run, nothing written. ${formatQuestionCounts(preview.counts)}.`);
				return 0;
			}
			const preview = previewQuestionImport(ctx, SYSTEM_ACTOR, upload);
			if (preview.importId === null) throw new Error('preview stored nothing');
			printFindings(preview);
			if (preview.problems.length > 0) {
				discardQuestionImport(ctx, SYSTEM_ACTOR, preview.importId);
				console.error(`${preview.problems.length} problems; nothing was written.`);
				return 1;
			}
			const result = commitQuestionImport(ctx, SYSTEM_ACTOR, preview.importId);
			console.log(`Imported #${result.importId}. ${formatQuestionCounts(result.counts)}.`);
			return 0;
		});
	}
};
