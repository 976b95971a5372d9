import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEMO, DEMO_PASSWORD } from './helpers';

/*
 * `npm start` exactly as the README says, on a free port with a fresh database, reached the
 * ways a branch reaches it: by IP address and by an intranet host name, not only localhost.
 * The browser resolves the made-up names below to this machine, so it sends them as Host.
 */
const BRANCH_HOST = 'qualify.branch.test';
const SIBLING_HOST = 'evil.branch.test';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

interface Started {
	child: ChildProcess;
	output: () => string;
}

function npmStart(port: number, database: string, env: Record<string, string> = {}): Started {
	const clean = { ...process.env };
	for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'ADDRESS_HEADER']) {
		delete clean[name];
	}
	const child = spawn('npm', ['start'], {
		env: { ...clean, PORT: String(port), DATABASE_PATH: database, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		// A process group of its own, so it can be stopped the way a terminal's Ctrl+C or
		// systemd stops a service: a signal to every process of the group (npm, tsx, node).
		detached: true
	});
	let text = '';
	child.stdout!.on('data', (chunk) => (text += chunk));
	child.stderr!.on('data', (chunk) => (text += chunk));
	return { child, output: () => text };
}

async function healthStatus(base: string): Promise<number> {
	try {
		return (await fetch(`${base}/healthz`)).status;
	} catch {
		return 0;
	}
}

async function waitUntil(check: () => Promise<boolean>, what: string, ms: number): Promise<void> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`timed out waiting for ${what}`);
}

/** SIGTERM to the whole group, as systemd sends it; resolves when npm has exited. */
async function stop(started: Started): Promise<void> {
	const { child } = started;
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	process.kill(-child.pid!, 'SIGTERM');
	await exited;
}

async function signInAt(page: Page, base: string): Promise<void> {
	await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
	await page.getByLabel('工号').fill(DEMO.teller);
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('孟林，您好');
	expect(new URL(page.url()).origin).toBe(base);
}

/** This machine's own non-loopback IPv4 address, as a colleague's PC would reach it. */
function lanAddress(): string | undefined {
	return Object.values(os.networkInterfaces())
		.flat()
		.find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

let port: number;
let database: string;
let server: Started;
let browser: Browser;

test.beforeAll(async () => {
	port = await freePort();
	database = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-start-')), 'start.db');
	server = npmStart(port, database);
	// The port answers at once, while the demo office is still being seeded.
	await waitUntil(
		async () => (await healthStatus(`http://127.0.0.1:${port}`)) !== 0,
		'port',
		60_000
	);
	const first = await fetch(`http://127.0.0.1:${port}/login`);
	expect([200, 503]).toContain(first.status);
	if (first.status === 503) expect(await first.text()).toContain('上岗系统正在启动');
	await waitUntil(
		async () => (await healthStatus(`http://127.0.0.1:${port}`)) === 200,
		'boot',
		180_000
	);
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			`--host-resolver-rules=MAP ${BRANCH_HOST} 127.0.0.1, MAP ${SIBLING_HOST} 127.0.0.1`
		]
	});
});

test.afterAll(async () => {
	await browser?.close();
	if (server) await stop(server);
});

test('npm start prints what an operator needs, not the build listing', () => {
	const printed = server.output();
	expect(printed).toContain(`Qualify is starting; it answers at http://localhost:${port}`);
	expect(printed).toContain('Qualify is ready');
	expect(printed).not.toMatch(/npm run preview|\.js\s+\d+(\.\d+)? kB/);
});

test('staff sign in at the IP address and at an intranet host name', async () => {
	const addresses = [`http://127.0.0.1:${port}`, `http://${BRANCH_HOST}:${port}`];
	const lan = lanAddress();
	if (lan) addresses.push(`http://${lan}:${port}`);
	for (const base of addresses) {
		const context = await browser.newContext({ locale: 'zh-CN' });
		await signInAt(await context.newPage(), base);
		// Plain http: the session cookie cannot be Secure, or the browser would drop it.
		const cookies = await context.cookies(base);
		expect(cookies.find((c) => c.name === 'qualify_session')?.secure).toBe(false);
		await context.close();
	}
});

test('a post from another origin is refused, and does not sign the person out', async () => {
	const base = `http://${BRANCH_HOST}:${port}`;
	const context = await browser.newContext({ locale: 'zh-CN' });
	const page = await context.newPage();
	await signInAt(page, base);
	// A page on a sibling host: same site, so the browser does send the session cookie along.
	const attacker = `http://${SIBLING_HOST}:${port}/attack`;
	await page.route(attacker, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<form method="post" action="${base}/logout"><button>go</button></form>`
		})
	);
	await page.goto(attacker);
	const answer = page.waitForResponse(`${base}/logout`);
	await page.getByRole('button', { name: 'go' }).click();
	expect((await answer).status()).toBe(403);
	await expect(page.getByRole('alert')).toHaveText(/该请求来自其他网站，已被拒绝/);

	await page.goto(`${base}/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('孟林，您好');
	await context.close();
});

test('SIGTERM stops the server cleanly', async () => {
	await stop(server);
	const line = 'SIGTERM: finishing the requests in flight, then stopping.';
	await waitUntil(async () => server.output().includes(line), 'the stop message', 15_000);
	await waitUntil(
		async () => (await healthStatus(`http://127.0.0.1:${port}`)) === 0,
		'stop',
		15_000
	);
});

test('with ORIGIN set to another address, the sign-in form shows the refusal', async () => {
	// A misconfigured ORIGIN: the button must not silently do nothing.
	server = npmStart(port, database, { ORIGIN: `http://localhost:${port}` });
	await waitUntil(
		async () => (await healthStatus(`http://127.0.0.1:${port}`)) === 200,
		'boot',
		120_000
	);
	const context = await browser.newContext({ locale: 'zh-CN' });
	const page = await context.newPage();
	await page.goto(`http://127.0.0.1:${port}/login`, { waitUntil: 'networkidle' });
	await page.getByLabel('工号').fill(DEMO.teller);
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toContainText('服务器拒绝了这次登录请求');
	await context.close();
});
