import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
	createAppServer,
	prepareAdapterEnv,
	SOCKET_PROTOCOL_HEADER
} from '../../../src/lib/server/cli/app-server';

const servers: { close(): void }[] = [];
afterEach(() => {
	for (const s of servers.splice(0)) s.close();
});

async function listen(socketProtocol: boolean) {
	const app = createAppServer({ socketProtocol });
	await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
	servers.push(app.server);
	const { port } = app.server.address() as AddressInfo;
	return { app, base: `http://127.0.0.1:${port}` };
}

describe('the server npm start runs', () => {
	it('takes the protocol from the socket unless the operator named ORIGIN or PROTOCOL_HEADER', () => {
		const bare: NodeJS.ProcessEnv = { ORIGIN: '' };
		expect(prepareAdapterEnv(bare)).toBe(true);
		expect(bare).toEqual({ PROTOCOL_HEADER: SOCKET_PROTOCOL_HEADER, BODY_SIZE_LIMIT: '11M' });
		const proxied: NodeJS.ProcessEnv = { PROTOCOL_HEADER: 'x-forwarded-proto' };
		expect(prepareAdapterEnv(proxied)).toBe(false);
		expect(proxied.PROTOCOL_HEADER).toBe('x-forwarded-proto');
		const pinned: NodeJS.ProcessEnv = { ORIGIN: 'https://qualify.example', BODY_SIZE_LIMIT: '20M' };
		expect(prepareAdapterEnv(pinned)).toBe(false);
		expect(pinned).toEqual({ ORIGIN: 'https://qualify.example', BODY_SIZE_LIMIT: '20M' });
	});

	it('answers "starting" (503) at once, page and health check, until the app is ready', async () => {
		const { app, base } = await listen(true);
		const health = await fetch(`${base}/healthz`);
		expect(health.status).toBe(503);
		expect(await health.json()).toEqual({ ok: false, starting: true });
		const page = await fetch(`${base}/login`, { headers: { cookie: 'qualify_locale=en' } });
		expect(page.status).toBe(503);
		expect(page.headers.get('retry-after')).toBe('3');
		const html = await page.text();
		expect(html).toContain('Qualify is starting');
		expect(html).toContain('<meta http-equiv="refresh" content="3">');
		expect(html).not.toContain('<script');
		expect(await (await fetch(`${base}/`)).text()).toContain('上岗系统正在启动');

		app.ready((_req, res) => res.end('app'));
		expect(await (await fetch(`${base}/healthz`)).text()).toBe('app');
	});

	it('overwrites a protocol header a client sent with the socket’s own', async () => {
		const { app, base } = await listen(true);
		app.ready((req, res) => res.end(String(req.headers[SOCKET_PROTOCOL_HEADER])));
		const spoofed = await fetch(base, { headers: { [SOCKET_PROTOCOL_HEADER]: 'https' } });
		expect(await spoofed.text()).toBe('http');
	});
});
