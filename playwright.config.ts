import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { serverArgs } from './tests/helpers/server-command';

// E2E_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// A new database file per run: the server seeds the demo office into it on boot. Workers load
// this file again, so the path goes through the environment: tests that read what only the
// server knows (a CAPTCHA's answer) open the same file.
process.env.E2E_DATABASE_PATH ??= path.join(os.tmpdir(), `qualify-e2e-${Date.now()}`, 'e2e.db');
const database = process.env.E2E_DATABASE_PATH;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	reporter: process.env.CI ? 'line' : 'list',
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'zh-CN',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// What `npm start` serves once the build is current (test:e2e builds first), so the tests
		// see the same server: the address-following origin check, the "starting" answer.
		command: ['node', ...serverArgs()].join(' '),
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			PORT: String(PORT),
			DATABASE_PATH: database,
			QUALIFY_DEMO: '1',
			// A lesson's minimum study time is this share of its class hours (50% in an office):
			// seconds, so the learning test waits for real heartbeats instead of half an hour.
			LESSON_MIN_SHARE_PERCENT: '0.25',
			LOG_LEVEL: 'warn'
		}
	}
});
