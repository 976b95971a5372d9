// `npm start`: build when the sources are newer than the last build, then serve the built app.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const builtEntry = path.join(root, 'build', 'index.js');
const SOURCES = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'package-lock.json'
];

function newestMtime(target: string): number {
	if (!fs.existsSync(target)) return 0;
	const stat = fs.statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(target)) {
		newest = Math.max(newest, newestMtime(path.join(target, entry)));
	}
	return newest;
}

function needsBuild(): boolean {
	if (!fs.existsSync(builtEntry)) return true;
	const builtAt = fs.statSync(builtEntry).mtimeMs;
	return SOURCES.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

if (needsBuild()) {
	console.log('Building Qualify (first start or sources changed)…');
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', cwd: root });
	if (build.status !== 0) {
		console.error('Build failed; see the messages above.');
		process.exit(build.status ?? 1);
	}
}

const port = process.env.PORT ?? '3000';
const server = spawn(process.execPath, [builtEntry], {
	stdio: 'inherit',
	cwd: root,
	env: {
		...process.env,
		QUALIFY_ROOT: root,
		PORT: port,
		// adapter-node assumes https unless told the public URL; form posts would then fail the
		// same-origin check when browsing http://localhost. Set ORIGIN to the real URL in production.
		ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
		// Roster files may be up to 10 MB; adapter-node refuses bodies over 512 KB by default.
		BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '11M'
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));
