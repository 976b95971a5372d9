import fs from 'node:fs';
import path from 'node:path';
import {
	checkRosterFile,
	commitRosterImport,
	discardRosterImport,
	previewRosterImport,
	SYSTEM_ACTOR,
	takeInitialPasswords
} from '../roster/service';
import { officeFileStamp } from '../../time/office';
import { parseSingle } from './args';
import type { Command } from './commands';
import { withApp } from './open-app';
import { formatCounts, printProblems, printProgress } from './output';

const USAGE = 'import-staff <file.csv> [--dry-run] [--passwords-out FILE]';

/**
 * Beside the database, not in whatever folder the command ran from (a checkout, a share): the
 * database's folder already holds what must not leak, and .gitignore covers both.
 */
function defaultPasswordsFile(databasePath: string, now: number): string {
	// Beijing time, as HR reads it: 07:30 on 3 March is 20260303-073000 on a UTC server too.
	const stamp = officeFileStamp(now);
	return path.join(path.dirname(path.resolve(databasePath)), `initial-passwords-${stamp}.csv`);
}

/** `import-staff`: the web import's preview and commit, from a terminal. */
export const importStaff: Command = {
	usage: USAGE,
	summary:
		'Check (--dry-run) or import a roster CSV; new accounts’ initial passwords go to a file readable only by you, beside the database unless --passwords-out names one.',
	async run(args) {
		const parsed = parseSingle(args, USAGE, 'roster file', {
			'dry-run': { type: 'boolean' },
			'passwords-out': { type: 'string' }
		});
		if (typeof parsed === 'number') return parsed;
		const file = parsed.positional;
		const dryRun = parsed.values['dry-run'] ?? false;
		let bytes: Uint8Array;
		try {
			bytes = fs.readFileSync(file);
		} catch {
			console.error(`Cannot read ${file}: check the path and that you may read it.`);
			return 1;
		}
		const upload = { fileName: path.basename(file), bytes };
		return withApp(async (ctx) => {
			if (dryRun) {
				const preview = await checkRosterFile(ctx, SYSTEM_ACTOR, upload);
				if (preview.problems.length > 0) {
					printProblems(preview.problems);
					console.error(`${preview.problems.length} problems; nothing would be written.`);
					return 1;
				}
				console.log(`Dry run, nothing written. ${formatCounts(preview.counts)}.`);
				return 0;
			}
			const out = path.resolve(
				parsed.values['passwords-out'] ??
					defaultPasswordsFile(ctx.config.databasePath, ctx.clock.now())
			);
			const preview = await previewRosterImport(ctx, SYSTEM_ACTOR, upload);
			if (preview.importId === null) throw new Error('preview stored nothing');
			if (preview.problems.length > 0) {
				printProblems(preview.problems);
				console.error(`${preview.problems.length} problems; nothing was written.`);
				await discardRosterImport(ctx, SYSTEM_ACTOR, preview.importId);
				return 1;
			}
			// Claim the passwords file before committing, so a bad path cannot lose the passwords.
			let fd: number;
			try {
				fd = fs.openSync(out, 'wx', 0o600);
			} catch (e) {
				await discardRosterImport(ctx, SYSTEM_ACTOR, preview.importId);
				console.error(
					`Cannot create ${out} (${(e as NodeJS.ErrnoException).code}); nothing was written.`
				);
				return 1;
			}
			try {
				const result = await commitRosterImport(
					ctx,
					SYSTEM_ACTOR,
					preview.importId,
					printProgress(process.stderr)
				);
				console.log(`Imported #${result.importId}. ${formatCounts(result.counts)}.`);
				const passwords = await takeInitialPasswords(ctx, SYSTEM_ACTOR, result.importId, 'zh-CN');
				if (passwords) {
					fs.writeSync(fd, passwords.csv);
					console.log(
						`Initial passwords for ${passwords.count} new accounts written to ${out} ` +
							'(readable only by you). Hand them out, then delete the file.'
					);
				}
				return 0;
			} finally {
				fs.closeSync(fd);
				if (fs.statSync(out).size === 0) fs.rmSync(out);
			}
		});
	}
};
