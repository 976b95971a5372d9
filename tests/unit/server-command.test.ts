import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverArgs } from '../helpers/server-command';

function rootWithStart(start: string): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-start-'));
	fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ scripts: { start } }));
	return root;
}

describe('serverArgs', () => {
	it('takes npm start’s Node flags and serves the built app instead of building', () => {
		const root = rootWithStart('node --v8-pool-size=1 --import tsx src/lib/server/cli/start.ts');
		expect(serverArgs(root)).toEqual([
			'--v8-pool-size=1',
			'--import',
			'tsx',
			'src/lib/server/cli/serve.ts'
		]);
	});

	it('is what this checkout’s npm start runs', () => {
		const start = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start as string;
		expect(['node', ...serverArgs()].join(' ')).toBe(start.replace('/start.ts', '/serve.ts'));
	});

	it('refuses a start script it cannot read', () => {
		expect(() => serverArgs(rootWithStart('tsx src/lib/server/cli/start.ts'))).toThrow(
			/start script/
		);
	});
});
