import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../roster/actor';
import {
	checkRosterFile,
	commitRosterImport,
	discardRosterImport,
	previewRosterImport
} from '../roster/service';
import { takeInitialPasswords } from '../roster/view';
import type { Command } from './commands';
import { closeApp, openApp } from './open-app';
import { formatCounts, printProblems, reportDomainError } from './output';

const USAGE = 'import-staff <file.csv> [--dry-run] [--passwords-out FILE]';

function defaultPasswordsFile(now: Date): string {
	const stamp = now
		.toISOString()
		.replace(/\.\d+Z$/, '')
		.replace(/[-:]/g, '')
		.replace('T', '-');
	return `initial-passwords-${stamp}.csv`;
}

/** `import-staff`: the web import's preview and commit, from a terminal. */
export const importStaff: Command = {
	usage: USAGE,
	summary:
		'Check (--dry-run) or import a roster CSV; new accounts’ initial passwords go to a file readable only by you.',
	async run(args) {
		let parsed;
		try {
			parsed = parseArgs({
				args,
				allowPositionals: true,
				options: { 'dry-run': { type: 'boolean' }, 'passwords-out': { type: 'string' } }
			});
		} catch (e) {
			console.error(`${e instanceof Error ? e.message : e}\nUsage: npm run cli -- ${USAGE}`);
			return 2;
		}
		const [file, ...extra] = parsed.positionals;
		if (!file || extra.length > 0) {
			console.error(`Give exactly one roster file.\nUsage: npm run cli -- ${USAGE}`);
			return 2;
		}
		const dryRun = parsed.values['dry-run'] ?? false;
		let bytes: Uint8Array;
		try {
			bytes = fs.readFileSync(file);
		} catch {
			console.error(`Cannot read ${file}: check the path and that you may read it.`);
			return 1;
		}
		const upload = { fileName: path.basename(file), bytes };
		const ctx = openApp();
		try {
			if (dryRun) {
				const preview = checkRosterFile(ctx, SYSTEM_ACTOR, upload);
				if (preview.problems.length > 0) {
					printProblems(preview.problems);
					console.error(`${preview.problems.length} problems; nothing would be written.`);
					return 1;
				}
				console.log(`Dry run, nothing written. ${formatCounts(preview.counts)}.`);
				return 0;
			}
			const out = path.resolve(
				parsed.values['passwords-out'] ?? defaultPasswordsFile(new Date(ctx.clock.now()))
			);
			const preview = previewRosterImport(ctx, SYSTEM_ACTOR, upload);
			if (preview.importId === null) throw new Error('preview stored nothing');
			if (preview.problems.length > 0) {
				printProblems(preview.problems);
				console.error(`${preview.problems.length} problems; nothing was written.`);
				discardRosterImport(ctx, SYSTEM_ACTOR, preview.importId);
				return 1;
			}
			// Claim the passwords file before committing, so a bad path cannot lose the passwords.
			let fd: number;
			try {
				fd = fs.openSync(out, 'wx', 0o600);
			} catch (e) {
				discardRosterImport(ctx, SYSTEM_ACTOR, preview.importId);
				console.error(
					`Cannot create ${out} (${(e as NodeJS.ErrnoException).code}); nothing was written.`
				);
				return 1;
			}
			try {
				const result = await commitRosterImport(ctx, SYSTEM_ACTOR, preview.importId);
				console.log(`Imported #${result.importId}. ${formatCounts(result.counts)}.`);
				const passwords = takeInitialPasswords(ctx, SYSTEM_ACTOR, result.importId, 'zh-CN');
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
		} catch (e) {
			if (reportDomainError(e)) return 1;
			throw e;
		} finally {
			closeApp(ctx);
		}
	}
};
