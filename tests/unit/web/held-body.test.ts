import { json as kitJson } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import {
	HeldRequest,
	HeldResponse,
	json,
	unsentBytes,
	type Bytes
} from '../../../src/lib/server/web/held-body';

const bytes = (text: string) => new TextEncoder().encode(text) as Bytes;
const post = (body: string, type = 'application/json') =>
	new HeldRequest(
		'http://qualify.test/api/attempts/7/answers',
		{ method: 'POST', headers: [['content-type', type]] },
		bytes(body)
	);

const RealStream = globalThis.ReadableStream;
let streamsMade = 0;
afterEach(() => {
	globalThis.ReadableStream = RealStream;
	streamsMade = 0;
});
function countStreams(): void {
	globalThis.ReadableStream = class extends RealStream<Bytes> {
		constructor(...args: ConstructorParameters<typeof ReadableStream<Bytes>>) {
			streamsMade++;
			super(...args);
		}
	} as typeof ReadableStream;
}

describe('a held request body', () => {
	it('reads as JSON, text, bytes or a blob without making a stream', async () => {
		countStreams();
		expect(await post('{"seq":1}').json()).toEqual({ seq: 1 });
		expect(await post('答案').text()).toBe('答案');
		expect(new Uint8Array(await post('ab').arrayBuffer())).toEqual(new Uint8Array([97, 98]));
		const blob = await post('xyz', 'text/plain').blob();
		expect([blob.type, await blob.text()]).toEqual(['text/plain', 'xyz']);
		expect(streamsMade).toBe(0);
	});

	it('reads once, as Fetch bodies do', async () => {
		const r = post('{"seq":2}');
		expect(r.bodyUsed).toBe(false);
		await r.json();
		expect(r.bodyUsed).toBe(true);
		await expect(r.text()).rejects.toThrow(TypeError);
		expect(r.body.locked).toBe(true);
		expect(() => r.clone()).toThrow(TypeError);
	});

	it('hands out its stream on demand, and then reads through it', async () => {
		const r = post('{"seq":3}');
		const reader = r.body.getReader();
		const chunk = await reader.read();
		expect(new TextDecoder().decode(chunk.value)).toBe('{"seq":3}');
		expect(r.bodyUsed).toBe(true);
		await expect(r.json()).rejects.toThrow(TypeError);

		const unread = post('{"seq":4}');
		void unread.body;
		expect(await unread.json()).toEqual({ seq: 4 });
	});

	it('clones into a copy that reads on its own', async () => {
		const r = post('{"seq":5}');
		const copy = r.clone();
		expect([copy.method, copy.url, copy.headers.get('content-type')]).toEqual([
			'POST',
			r.url,
			'application/json'
		]);
		expect(await copy.json()).toEqual({ seq: 5 });
		expect(await r.json()).toEqual({ seq: 5 });

		const streamed = post('{"seq":6}');
		void streamed.body;
		const teed = streamed.clone();
		expect(await teed.json()).toEqual({ seq: 6 });
		expect(await streamed.json()).toEqual({ seq: 6 });
	});

	it('parses forms, urlencoded and multipart', async () => {
		const form = await post(
			'name=%E5%BC%A0%E4%B8%89&n=2',
			'application/x-www-form-urlencoded'
		).formData();
		expect([form.get('name'), form.get('n')]).toEqual(['张三', '2']);

		const sent = new FormData();
		sent.set('note', '上岗');
		const encoded = new Response(sent);
		const type = encoded.headers.get('content-type')!;
		const multipart = new HeldRequest(
			'http://qualify.test/x',
			{ method: 'POST', headers: [['content-type', type]] },
			new Uint8Array(await encoded.arrayBuffer())
		);
		expect((await multipart.formData()).get('note')).toBe('上岗');
	});
});

describe('a held response', () => {
	it('gives its bytes to the sender once, and not after its body was read or streamed', async () => {
		const r = new HeldResponse(bytes('{"ok":true}'), { status: 201 });
		expect(new TextDecoder().decode(unsentBytes(r)!)).toBe('{"ok":true}');
		expect(unsentBytes(r)).toBeNull();
		expect(r.bodyUsed).toBe(true);

		const read = new HeldResponse(bytes('{}'), {});
		expect(await read.json()).toEqual({});
		expect(unsentBytes(read)).toBeNull();

		const streamed = new HeldResponse(bytes('{"a":1}'), {});
		const body = streamed.body;
		expect(unsentBytes(streamed)).toBeNull();
		expect(await new Response(body).json()).toEqual({ a: 1 });
	});

	it('is found by a copy of the module, as the built app’s replies are by serve.ts’s', async () => {
		const copy = (await import(
			// @ts-expect-error -- a second instance of the module, as a separate bundle makes one
			'../../../src/lib/server/web/held-body.ts?copy'
		)) as typeof import('../../../src/lib/server/web/held-body');
		const reply = copy.json({ ok: 1 });
		expect(reply).not.toBeInstanceOf(HeldResponse);
		expect(new TextDecoder().decode(unsentBytes(reply)!)).toBe('{"ok":1}');
		expect(unsentBytes(new Response('plain'))).toBeNull();
	});

	it('clones with its status and headers', async () => {
		const r = new HeldResponse(bytes('x'), { status: 409, headers: { 'x-a': '1' } });
		const copy = r.clone();
		expect([copy.status, copy.headers.get('x-a'), await copy.text()]).toEqual([409, '1', 'x']);
		expect(await r.text()).toBe('x');
	});
});

describe('json()', () => {
	it('answers as SvelteKit’s json() does: body, status, headers', async () => {
		const data = { error: 'exams.error.malformedAnswer', params: { n: '第1题' } };
		const init = { status: 400, headers: { 'retry-after': '2' } };
		const ours = json(data, init);
		const kit = kitJson(data, init);
		expect(ours).toBeInstanceOf(HeldResponse);
		expect(ours.status).toBe(kit.status);
		expect([...ours.headers]).toEqual([...kit.headers]);
		expect(await ours.text()).toBe(await kit.text());
	});
});
