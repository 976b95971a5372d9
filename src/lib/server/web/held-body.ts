// Request and Response bodies held as bytes, with no ReadableStream unless someone asks for one.
//
// Why: on Node 20 every ReadableStream is made "transferable" through a native object with a
// weak handle (Node 22 dropped that). The young-generation collector keeps such objects alive,
// so each stream, and the request or response it belongs to, was promoted to the old
// generation: an answer save made two (its JSON body and its JSON reply), about 200 MB of old
// garbage per 10 seconds at 1,000 saves a second, and each full collection then spent ~14 ms
// running their weak callbacks in its pause. Small bodies do not need a stream: node-request.ts
// reads them whole, and setResponse writes a held reply with one `end`.
//
// Each class keeps the Fetch contract: the body reads once; `body` hands out a stream (made
// then) and from that moment every read goes through it; `clone()` copies.

/** Bytes over a plain ArrayBuffer, as Fetch bodies are. */
export type Bytes = Uint8Array<ArrayBuffer>;

const utf8 = new TextDecoder();

function alreadyRead(): TypeError {
	return new TypeError('Body is unusable: Body has already been read');
}

class HeldBody {
	#bytes: Bytes | null;
	#stream: ReadableStream<Bytes> | null = null;

	constructor(bytes: Bytes) {
		this.#bytes = bytes;
	}

	get used(): boolean {
		return this.#stream ? this.#stream.locked : this.#bytes === null;
	}

	/** The bytes, once: null once read or once the stream has been handed out. */
	take(): Bytes | null {
		const bytes = this.#stream ? null : this.#bytes;
		this.#bytes = null;
		return bytes;
	}

	/** A copy for a clone, leaving this body as it was; null once read. */
	copy(): Bytes | ReadableStream<Bytes> | null {
		if (this.#stream) {
			if (this.#stream.locked) return null;
			const [mine, theirs] = this.#stream.tee();
			this.#stream = mine;
			return theirs;
		}
		return this.#bytes;
	}

	stream(): ReadableStream<Bytes> {
		if (!this.#stream) {
			const bytes = this.#bytes ?? new Uint8Array(0);
			const read = this.#bytes === null;
			this.#bytes = null;
			this.#stream = new ReadableStream<Bytes>({
				start(controller) {
					if (bytes.byteLength) controller.enqueue(bytes);
					controller.close();
				}
			});
			// A body read before its stream was asked for hands out a used stream, as Fetch does.
			if (read) void this.#stream.getReader();
		}
		return this.#stream;
	}

	async bytes(): Promise<Bytes> {
		if (this.#stream) {
			if (this.#stream.locked) throw alreadyRead();
			return new Uint8Array(await new Response(this.#stream).arrayBuffer());
		}
		const bytes = this.take();
		if (!bytes) throw alreadyRead();
		return bytes;
	}
}

function arrayBufferOf(bytes: Bytes): ArrayBuffer {
	return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/** Request or Response with its body readers answered from a HeldBody: one set for both. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's mixin pattern
function readingHeld<T extends new (...args: any[]) => Body & { readonly headers: Headers }>(
	Base: T
) {
	return class extends Base {
		/** Set by the subclass's constructor, right after `super`. */
		held!: HeldBody;

		override get body(): ReadableStream<Bytes> {
			return this.held.stream();
		}
		override get bodyUsed(): boolean {
			return this.held.used;
		}
		override async arrayBuffer(): Promise<ArrayBuffer> {
			return arrayBufferOf(await this.held.bytes());
		}
		override async text(): Promise<string> {
			return utf8.decode(await this.held.bytes());
		}
		override async json(): Promise<unknown> {
			return JSON.parse(await this.text());
		}
		override async blob(): Promise<Blob> {
			const type = this.headers.get('content-type') ?? '';
			return new Blob([await this.held.bytes()], { type });
		}
		override async formData(): Promise<FormData> {
			return new Response(await this.held.bytes(), { headers: this.headers }).formData();
		}
	};
}

/** A request whose body arrived whole (node-request.ts reads small bodies before SvelteKit). */
export class HeldRequest extends readingHeld(Request) {
	constructor(url: string, init: { method: string; headers: HeadersInit }, bytes: Bytes) {
		super(url, { method: init.method, headers: init.headers });
		this.held = new HeldBody(bytes);
	}

	override clone(): Request {
		const copy = this.held.copy();
		if (!copy) throw new TypeError('Request.clone: Body has already been consumed.');
		const init = { method: this.method, headers: new Headers(this.headers) };
		return copy instanceof Uint8Array
			? new HeldRequest(this.url, init, copy)
			: // @ts-expect-error -- Node's Request needs duplex for a stream body; the DOM types lack it
				new Request(this.url, { ...init, body: copy, duplex: 'half' });
	}
}

/**
 * How setResponse finds a held reply's bytes. A registered symbol, not `instanceof`: the built
 * app bundles its own copy of this module, and serve.ts loads node-request.ts with another.
 */
const UNSENT = Symbol.for('qualify.held-response.unsent');

/** The bytes of a held response nobody has read or streamed, once; null for any other. */
export function unsentBytes(response: Response): Bytes | null {
	const take = (response as { [UNSENT]?: () => Bytes | null })[UNSENT];
	return typeof take === 'function' ? take.call(response) : null;
}

/** A response whose body is known whole: setResponse (node-request.ts) sends it with one write. */
export class HeldResponse extends readingHeld(Response) {
	constructor(bytes: Bytes, init: ResponseInit) {
		super(null, init);
		this.held = new HeldBody(bytes);
	}

	/** The bytes to send, once, if nobody has read the body or taken its stream. */
	[UNSENT](): Bytes | null {
		return this.held.take();
	}

	override clone(): Response {
		const copy = this.held.copy();
		if (!copy) throw new TypeError('Response.clone: Body has already been consumed.');
		const init = {
			status: this.status,
			statusText: this.statusText,
			headers: new Headers(this.headers)
		};
		return copy instanceof Uint8Array ? new HeldResponse(copy, init) : new Response(copy, init);
	}
}

const encoder = new TextEncoder();

/** SvelteKit's `json()` as a held response: same headers, no stream. */
export function json(data: unknown, init: ResponseInit = {}): Response {
	const bytes = encoder.encode(JSON.stringify(data));
	const headers = new Headers(init.headers);
	if (!headers.has('content-length')) headers.set('content-length', String(bytes.byteLength));
	if (!headers.has('content-type')) headers.set('content-type', 'application/json');
	return new HeldResponse(bytes, { ...init, headers });
}
