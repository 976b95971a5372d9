// What adapter-node's handler imports as '@sveltejs/kit/node', with two changes: the Request
// it builds for each Node request carries no AbortSignal, and small bodies travel without a
// ReadableStream (held-body.ts says why). serve.ts points the built handler's import here
// (cli/kit-node-hook.ts); everything else is SvelteKit's own.
//
// Why: Node's Request (undici) registers every signal handed to it with a FinalizationRegistry
// so it can later remove its abort listener. Those registrations keep each request's
// controller alive until a full garbage collection, and after one the finalizers for tens of
// thousands of requests run back to back on the event loop. The bench measured that as a
// 40-60 ms stall right after each major GC under load (one in most 10-second runs at 1,000
// saves a second), which alone put the answer save's p99 over 100 ms.
//
// What is given up: `request.signal` never aborts when a client goes away. Nothing in Qualify
// reads it; a streamed response still stops when its client disconnects, because setResponse
// cancels the body on the socket's close.
import type { IncomingMessage, ServerResponse } from 'node:http';
// @ts-expect-error -- SvelteKit ships its internal module without types; this is the class its
// runtime (imported from the same module) treats as "a status of ours", 413 here.
import { SvelteKitError } from '@sveltejs/kit/internal';

import { setResponse as kitSetResponse } from '@sveltejs/kit/node';
import { HeldRequest, unsentBytes, type Bytes } from './held-body';

export * from '@sveltejs/kit/node';

/**
 * Bodies up to this size with a declared length are read whole before SvelteKit sees the
 * request: every JSON call of the app (an answer save is ~100 bytes). Larger ones, and those
 * without a length, stream as SvelteKit streams them, with its 413 refusal past the limit.
 */
const HELD_BODY_LIMIT = 64 * 1024;

function payloadTooLarge(message: string): Error {
	return new SvelteKitError(413, 'Payload Too Large', message) as Error;
}

/** The request's body as a stream, refused past `limit` bytes; SvelteKit's own rules. */
function rawBody(req: IncomingMessage, limit: number | undefined): ReadableStream | null {
	const h = req.headers;
	if (!h['content-type']) return null;
	const contentLength = Number(h['content-length']);
	const hasLength = Number.isFinite(contentLength);
	if (
		(req.httpVersionMajor === 1 && !hasLength && h['transfer-encoding'] == null) ||
		contentLength === 0
	) {
		return null;
	}
	if (req.destroyed) {
		const readable = new ReadableStream();
		void readable.cancel();
		return readable;
	}
	let size = 0;
	let cancelled = false;
	return new ReadableStream({
		start(controller) {
			if (limit !== undefined && hasLength && contentLength > limit) {
				controller.error(
					payloadTooLarge(`Content-length of ${contentLength} exceeds limit of ${limit} bytes.`)
				);
				return;
			}
			req.on('error', (error) => {
				cancelled = true;
				controller.error(error);
			});
			req.on('end', () => {
				if (!cancelled) controller.close();
			});
			req.on('data', (chunk: Buffer) => {
				if (cancelled) return;
				size += chunk.length;
				if (limit !== undefined && size > limit) {
					cancelled = true;
					controller.error(
						payloadTooLarge(`request body size exceeded BODY_SIZE_LIMIT of ${limit}`)
					);
					return;
				}
				if (hasLength && size > contentLength) {
					cancelled = true;
					controller.error(
						payloadTooLarge(`request body size exceeded content-length of ${contentLength}`)
					);
					return;
				}
				controller.enqueue(chunk);
				if (controller.desiredSize === null || controller.desiredSize <= 0) req.pause();
			});
		},
		pull() {
			req.resume();
		},
		cancel(reason) {
			cancelled = true;
			req.destroy(reason);
		}
	});
}

/** A body of `length` bytes, read whole; Node's parser ends it at the declared length. */
function readWhole(req: IncomingMessage, length: number): Promise<Bytes> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const whole = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
			// A Buffer is a view on an ArrayBuffer (never a shared one): a Fetch body as it stands.
			resolve(whole as Bytes);
		});
		req.on('error', reject);
		req.on('close', () => {
			if (!req.complete) reject(new Error('the client closed the request before its body ended'));
		});
	});
}

function heldLength(req: IncomingMessage, limit: number | undefined): number | null {
	if (req.httpVersionMajor !== 1 || !req.headers['content-type'] || req.destroyed) return null;
	const length = Number(req.headers['content-length']);
	if (!Number.isInteger(length) || length <= 0) return null;
	return length <= Math.min(HELD_BODY_LIMIT, limit ?? Infinity) ? length : null;
}

/** SvelteKit's getRequest (same signature and headers, HTTP/2 pseudo-headers too), no signal. */
export async function getRequest({
	request,
	base,
	bodySizeLimit
}: {
	request: IncomingMessage;
	base: string;
	bodySizeLimit?: number;
}): Promise<Request> {
	let headers = request.headers as Record<string, string>;
	if (request.httpVersionMajor >= 2) {
		// The Request constructor refuses header names with ':'.
		headers = { ...headers };
		if (headers[':authority']) headers.host = headers[':authority'];
		delete headers[':authority'];
		delete headers[':method'];
		delete headers[':path'];
		delete headers[':scheme'];
	}
	const method = request.method ?? 'GET';
	const url = base + request.url;
	const entries = Object.entries(headers);
	if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers: entries });
	const held = heldLength(request, bodySizeLimit);
	if (held !== null) {
		return new HeldRequest(url, { method, headers: entries }, await readWhole(request, held));
	}
	return new Request(url, {
		// @ts-expect-error -- Node's Request needs it for a streamed body; the DOM types lack it
		duplex: 'half',
		method,
		headers: entries,
		body: rawBody(request, bodySizeLimit)
	});
}

/** SvelteKit's setResponse; a held response (held-body.ts) goes out in one write. */
export async function setResponse(res: ServerResponse, response: Response): Promise<void> {
	const bytes = unsentBytes(response);
	if (!bytes) return kitSetResponse(res, response);
	try {
		for (const [key, value] of response.headers) {
			res.setHeader(key, key === 'set-cookie' ? response.headers.getSetCookie() : value);
		}
	} catch (error) {
		// As SvelteKit does: a header Node refuses is the app's bug, answered 500.
		for (const name of res.getHeaderNames()) res.removeHeader(name);
		res.writeHead(500).end(String(error));
		return;
	}
	res.writeHead(response.status);
	res.end(bytes);
}
