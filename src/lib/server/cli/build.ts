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
	const entry = path.join(root, 'build', 'index.js');
	if (!fs.existsSync(entry)) return true;
	const builtAt = fs.statSync(entry).mtimeMs;
	return SOURCES.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

/** Builds the app when needed; returns false when the build failed. */
export function ensureBuilt(root: string): boolean {
	if (!needsBuild(root)) return true;
	console.log('Building Qualify (first start or sources changed)…');
	return spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', cwd: root }).status === 0;
}
