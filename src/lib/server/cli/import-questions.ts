import fs from 'node:fs';
import path from 'node:path';
import { isMessageKey, translate } from '../../i18n/messages';
import {
	checkQuestionFile,
	commitQuestionImport,
	discardQuestionImport,
	previewQuestionImport,
	type ImportProblem,
	type QuestionImportCounts,
	type QuestionImportPreview,
	type QuestionUpload
} from '../questions/service';
import type { AppContext } from '../context';
import { Invalid } from '../errors';
import { SYSTEM_ACTOR } from '../roster/service';
import { parseSingle, usageError } from './args';
import type { Command } from './commands';
import { withApp } from './open-app';

const USAGE =
	'import-questions <file.csv|file.gift|file.txt> [--dry-run] [--bank NAME [--create-bank]]';

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
		const kind = translate('en', `questions.skipped.${s.kind}`);
		console.error(
			`line ${s.line}: skipped ${s.kind} question${name}: ${kind} is not a type the question banks hold`
		);
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
		'Check (--dry-run) or import a question bank file (CSV or Moodle GIFT); --bank names the bank for questions whose file gives none, --create-bank creates it if it does not exist.',
	async run(args) {
		const parsed = parseSingle(args, USAGE, 'question file', {
			'dry-run': { type: 'boolean' },
			bank: { type: 'string' },
			'create-bank': { type: 'boolean' }
		});
		if (typeof parsed === 'number') return parsed;
		const createBank = parsed.values['create-bank'] ?? false;
		if (createBank && !parsed.values.bank?.trim()) {
			return usageError(USAGE, '--create-bank needs --bank NAME: the bank to create.');
		}
		const file = parsed.positional;
		let bytes: Uint8Array;
		try {
			bytes = fs.readFileSync(file);
		} catch {
			console.error(`Cannot read ${file}: check the path and that you may read it.`);
			return 1;
		}
		const upload = {
			fileName: path.basename(file),
			bytes,
			defaultBank: parsed.values.bank,
			createBank
		};
		const dryRun = parsed.values['dry-run'] ?? false;
		return withApp((ctx) => explainMissingBank(() => importFile(ctx, upload, dryRun)));
	}
};

/** The web import's preview and commit (or the check alone), printing what they found. */
async function importFile(
	ctx: AppContext,
	upload: QuestionUpload,
	dryRun: boolean
): Promise<number> {
	if (dryRun) {
		const preview = await checkQuestionFile(ctx, SYSTEM_ACTOR, upload);
		printFindings(preview);
		if (preview.problems.length > 0) {
			console.error(`${preview.problems.length} problems; nothing would be written.`);
			return 1;
		}
		console.log(`Dry run, nothing written. ${formatQuestionCounts(preview.counts)}.`);
		return 0;
	}
	const preview = await previewQuestionImport(ctx, SYSTEM_ACTOR, upload);
	if (preview.importId === null) throw new Error('preview stored nothing');
	printFindings(preview);
	if (preview.problems.length > 0) {
		await discardQuestionImport(ctx, SYSTEM_ACTOR, preview.importId);
		console.error(`${preview.problems.length} problems; nothing was written.`);
		return 1;
	}
	const result = await commitQuestionImport(ctx, SYSTEM_ACTOR, preview.importId);
	console.log(`Imported #${result.importId}. ${formatQuestionCounts(result.counts)}.`);
	return 0;
}

/** --bank naming a bank that does not exist: say so, and how to create it from here. */
async function explainMissingBank(work: () => Promise<number>): Promise<number> {
	try {
		return await work();
	} catch (e) {
		const problem = e instanceof Invalid ? e.problems[0] : undefined;
		if (problem?.key !== 'questions.import.error.unknownBank') throw e;
		console.error(
			`There is no bank named “${problem.params?.name}”. Check the name, or add --create-bank ` +
				'to create it (as the banks page would). Nothing was written.'
		);
		return 1;
	}
}
