import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { commitQuestionImport, listBanks, previewQuestionImport } from '../questions/service';
import { SYSTEM_ACTOR } from '../roster/actor';
import { closeDemoCertificationBank } from './practice';

/** Where the demo question files live, from the project root as config.ts finds it. */
export function demoQuestionFolder(): string {
	const root = process.env.QUALIFY_ROOT ?? process.cwd();
	return path.join(root, 'src', 'lib', 'server', 'demo', 'question-banks');
}

/**
 * Seeds the demo banks (储蓄业务, 内控合规, 反洗钱, 服务规范 and a GIFT sample) through the
 * same preview and commit a trainer uses, so the demo proves the importer. Skipped when any bank
 * exists; a file with problems stops the start, naming them.
 */
export async function seedDemoQuestionBanks(
	ctx: AppContext,
	folder = demoQuestionFolder()
): Promise<void> {
	if ((await listBanks(ctx, SYSTEM_ACTOR)).length > 0) return;
	if (!fs.existsSync(folder)) {
		throw new Error(`demo question files not found in ${folder}: set QUALIFY_ROOT to the project`);
	}
	const files = fs
		.readdirSync(folder)
		.filter((f) => /\.(csv|gift|txt)$/i.test(f))
		.sort();
	for (const fileName of files) {
		const bytes = fs.readFileSync(path.join(folder, fileName));
		const preview = await previewQuestionImport(ctx, SYSTEM_ACTOR, { fileName, bytes });
		const first = preview.problems[0];
		if (preview.importId === null || first) {
			const where = first ? ` (line ${first.line}: ${first.key})` : '';
			throw new Error(
				`demo question file ${fileName} has ${preview.problems.length} problems${where}`
			);
		}
		try {
			await commitQuestionImport(ctx, SYSTEM_ACTOR, preview.importId);
		} catch (e) {
			if (e instanceof DomainError) throw new Error(`demo question file ${fileName}: ${e.message}`);
			throw e;
		}
	}
	// Before any exam is defined on it: the certification's bank is secret (保密).
	await closeDemoCertificationBank(ctx);
}
