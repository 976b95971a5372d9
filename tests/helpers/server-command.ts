// How the tests and the bench start the built app: as `npm start` does, with package.json's
// Node flags (one place for them), but serve.ts instead of start.ts (the caller builds first).
import fs from 'node:fs';
import path from 'node:path';

const SERVE = 'src/lib/server/cli/serve.ts';

/** Node's arguments for serving the built app: the start script's, with serve.ts as the entry. */
export function serverArgs(root = process.cwd()): string[] {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		scripts: { start: string };
	};
	const [node, ...args] = pkg.scripts.start.split(/\s+/);
	const entry = args.indexOf('src/lib/server/cli/start.ts');
	if (node !== 'node' || entry < 0) {
		throw new Error(`package.json's start script is not "node … src/lib/server/cli/start.ts"`);
	}
	return [...args.slice(0, entry), SERVE, ...args.slice(entry + 1)];
}
