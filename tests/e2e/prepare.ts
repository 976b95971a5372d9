/**
 * Before the browser tests: make sure Chromium (and CJK fonts for legible screenshots) are
 * there. As root with apt-get it installs Debian's packages itself; otherwise it stops at once
 * with the one command to run, rather than letting every test fail on a missing browser.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];
const COMMAND = `sudo apt-get update && sudo apt-get install -y ${PACKAGES.join(' ')}`;

function hasCjkFonts(): boolean {
	const list = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
	// Without fontconfig there is no way to tell; do not hold the tests up for screenshots.
	return list.status !== 0 || list.stdout.trim() !== '';
}

function canInstall(): boolean {
	const root = process.getuid?.() === 0;
	return root && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function install(): boolean {
	console.log(`Installing ${PACKAGES.join(' and ')} for the browser tests (apt-get)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const run = (args: string[]) =>
		spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
	return run(['update', '-qq']) && run(['install', '-y', '-qq', ...PACKAGES]);
}

const hasChromium = fs.existsSync(CHROMIUM);
const hasFonts = hasCjkFonts();
if (!hasChromium || !hasFonts) {
	if (canInstall()) {
		if (!install()) {
			console.error(`apt-get could not install ${PACKAGES.join(' ')}; run: ${COMMAND}`);
			process.exit(1);
		}
	} else if (!hasChromium) {
		console.error(
			`The browser tests need Chromium at ${CHROMIUM}. Run:\n\n  ${COMMAND}\n\n` +
				'or set CHROMIUM_PATH to a Chromium or Chrome you have.'
		);
		process.exit(1);
	} else {
		console.warn(`No Chinese fonts: screenshots will show boxes. To fix: ${COMMAND}`);
	}
}
if (!fs.existsSync(CHROMIUM)) {
	console.error(`Chromium is still missing at ${CHROMIUM}; set CHROMIUM_PATH to where it is.`);
	process.exit(1);
}
