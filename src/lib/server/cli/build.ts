import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

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

/** True when there is no build or a source is newer than it. */
export function needsBuild(root: string): boolean {
	const entry = path.join(root, 'build', 'handler.js');
	if (!fs.existsSync(entry)) return true;
	const builtAt = fs.statSync(entry).mtimeMs;
	return SOURCES.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

/**
 * Builds the app when needed; returns false when the build failed. An operator needs one line
 * that it is building and how long it took, not Vite's listing of every chunk: the build's own
 * output is shown only when it fails.
 */
export function ensureBuilt(root: string): boolean {
	if (!needsBuild(root)) return true;
	console.log('Building Qualify (first start or sources changed; up to a minute)…');
	const started = performance.now();
	const build = spawnSync('npx', ['vite', 'build'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (build.status !== 0) {
		process.stdout.write(build.stdout ?? '');
		process.stderr.write(build.stderr ?? '');
		console.error(`Build failed${build.error ? `: ${build.error.message}` : ''}; see above.`);
		return false;
	}
	console.log(`Built in ${Math.round((performance.now() - started) / 1000)} s.`);
	return true;
}
