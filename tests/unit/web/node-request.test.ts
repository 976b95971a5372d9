import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { HeldRequest, json } from '../../../src/lib/server/web/held-body';
import { getRequest, setResponse } from '../../../src/lib/server/web/node-request';

const servers: http.Server[] = [];
const RealRequest = globalThis.Request;
afterEach(() => {
	for (const s of servers.splice(0)) s.close();
	globalThis.Request = RealRequest;
});

/** A server that hands each request to `inspect` through getRequest and replies with its JSON. */
async function serve(inspect: (request: Request) => Promise<unknown>, bodySizeLimit = 64) {
	const server = http.createServer((req, res) => {
		void getRequest({ request: req, base: 'http://qualify.test', bodySizeLimit })
			.then(inspect)
			.then(
				(value) => res.end(JSON.stringify(value)),
				(e: { status?: number; message: string }) =>
					res.end(JSON.stringify({ status: e.status, message: e.message }))
			);
	});
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the Request SvelteKit is given', () => {
	it('carries the method, address, headers and body, and is built without an AbortSignal', async () => {
		const inits: (RequestInit | undefined)[] = [];
		globalThis.Request = class extends RealRequest {
			constructor(input: RequestInfo | URL, init?: RequestInit) {
				inits.push(init);
				super(input, init);
			}
		};
		const base = await serve(
			async (r) => ({
				method: r.method,
				url: r.url,
				type: r.headers.get('content-type'),
				held: r instanceof HeldRequest,
				size: (await r.text()).length,
				aborted: r.signal.aborted
			}),
			1 << 20
		);
		const send = (body: string) =>
			fetch(`${base}/api/attempts/7/answers?x=1`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body
			}).then((reply) => reply.json());
		const expected = {
			method: 'POST',
			url: 'http://qualify.test/api/attempts/7/answers?x=1',
			type: 'application/json',
			aborted: false
		};
		// A small body arrives whole (held-body.ts); a large one streams as SvelteKit streams it.
		expect(await send('{"seq":1}')).toEqual({ ...expected, held: true, size: 9 });
		expect(inits).toHaveLength(0);
		const large = JSON.stringify({ text: 'x'.repeat(70_000) });
		expect(await send(large)).toEqual({ ...expected, held: false, size: large.length });
		expect(inits).toHaveLength(1);
		expect(inits[0]).not.toHaveProperty('signal');
	});

	it('refuses a small body whose client leaves before sending all of it', async () => {
		const outcome = new Promise<string>((resolve) => {
			const server = http.createServer((req) => {
				getRequest({ request: req, base: 'http://qualify.test', bodySizeLimit: 1024 }).then(
					() => resolve('accepted'),
					(e: Error) => resolve(e.message)
				);
			});
			servers.push(server);
			server.listen(0, '127.0.0.1', () => {
				const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1', () => {
					socket.write(
						'POST / HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"seq":'
					);
					setTimeout(() => socket.destroy(), 50);
				});
			});
		});
		expect(await outcome).toMatch(/^aborted$|closed the request before its body ended/);
	});

	it('refuses a body over the limit with 413, declared or streamed', async () => {
		const base = await serve(async (r) => await r.text(), 16);
		const declared = await fetch(base, { method: 'POST', body: 'x'.repeat(17) });
		expect(await declared.json()).toEqual({
			status: 413,
			message: 'Content-length of 17 exceeds limit of 16 bytes.'
		});
		const streamed = await fetch(base, {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body: new ReadableStream({
				start(c) {
					c.enqueue(new TextEncoder().encode('y'.repeat(10)));
					c.enqueue(new TextEncoder().encode('y'.repeat(10)));
					c.close();
				}
			}),
			// @ts-expect-error -- Node's fetch needs it for a streamed body
			duplex: 'half'
		});
		expect(await streamed.json()).toEqual({
			status: 413,
			message: 'request body size exceeded BODY_SIZE_LIMIT of 16'
		});
		const fits = await fetch(base, { method: 'POST', body: 'z'.repeat(16) });
		expect(await fits.json()).toBe('z'.repeat(16));
	});
});

describe('the reply written for SvelteKit’s Response', () => {
	async function reply(response: () => Response) {
		const server = http.createServer((_req, res) => void setResponse(res, response()));
		servers.push(server);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const r = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
		return { status: r.status, headers: r.headers, text: await r.text() };
	}

	it('sends a held response whole, with its status, headers and every cookie', async () => {
		const r = await reply(() => {
			const res = json({ saved: true, seq: 3 }, { status: 201 });
			res.headers.append('set-cookie', 'a=1; Path=/');
			res.headers.append('set-cookie', 'b=2; Path=/');
			return res;
		});
		expect(r.status).toBe(201);
		expect(r.text).toBe('{"saved":true,"seq":3}');
		expect(r.headers.get('content-type')).toBe('application/json');
		expect(r.headers.get('content-length')).toBe('22');
		expect(r.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
	});

	it('streams any other response as SvelteKit does', async () => {
		const r = await reply(() => new Response('plain 答案', { headers: { 'x-a': '1' } }));
		expect([r.status, r.headers.get('x-a'), r.text]).toEqual([200, '1', 'plain 答案']);
	});
});

describe('serve.ts’s redirect of the built handler’s import', () => {
	it('gives modules in the build directory this getRequest, and everyone else SvelteKit’s', () => {
		const build = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-build-'));
		fs.writeFileSync(
			path.join(build, 'handler.mjs'),
			"export { getRequest, setResponse } from '@sveltejs/kit/node';\n"
		);
		const script = `
			import { redirectKitNode } from './src/lib/server/cli/kit-node-hook.ts';
			redirectKitNode(${JSON.stringify(build)});
			const built = await import(${JSON.stringify(path.join(build, 'handler.mjs'))});
			const ours = await import('./src/lib/server/web/node-request.ts');
			const kit = await import('@sveltejs/kit/node');
			console.log(JSON.stringify({
				built: built.getRequest === ours.getRequest,
				kitUntouched: kit.getRequest !== ours.getRequest,
				setResponse: built.setResponse === ours.setResponse
			}));
		`;
		const out = execFileSync(
			process.execPath,
			['--import', 'tsx', '--input-type=module', '-e', script],
			{ cwd: process.cwd(), encoding: 'utf8' }
		);
		fs.rmSync(build, { recursive: true, force: true });
		expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({
			built: true,
			kitUntouched: true,
			setResponse: true
		});
	});
});
