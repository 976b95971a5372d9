import type { DisplayAnswer } from './types';

/** One change to one question, as posted to the save endpoint. */
export interface PendingSave {
	position: number;
	answer: DisplayAnswer | null;
	flagged: boolean;
	seq: number;
}

export interface SaveListener {
	sending(position: number): void;
	/** The server has the change (or a newer one: `stored` false). */
	saved(save: PendingSave, savedAt: number, stored: boolean): void;
	/**
	 * Network error, 5xx or an unreadable reply: kept, and retried with backoff. `paused` when
	 * the server said its database cannot save just now (503): not this answer's fault.
	 */
	failed(position: number, paused: boolean): void;
	/** A 4xx with a reason: the server will never take this change, so it is not retried. */
	refused(position: number, key: string, params: Record<string, string | number>): void;
}

const MAX_BACKOFF_MS = 30_000;

function isPendingSave(value: unknown): value is PendingSave {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		Number.isSafeInteger(v.position) &&
		Number.isSafeInteger(v.seq) &&
		typeof v.flagged === 'boolean' &&
		(v.answer === null || typeof v.answer === 'object')
	);
}

/**
 * Offline-safe autosave. Each change goes to localStorage first (one key per question, so two
 * tabs never overwrite each other's other questions), then to the server. At most one request
 * per question is in flight; a newer change waiting behind it is sent when it returns, so fast
 * typing coalesces instead of queueing. An entry leaves localStorage only when the server has
 * acknowledged it (or refused it for good), so a closed tab or a dead network loses nothing.
 */
export class SaveQueue {
	private readonly pending = new Map<number, PendingSave>();
	private readonly inflight = new Map<number, Promise<void>>();
	/** Positions whose latest change is kept in localStorage (not lost if the tab closes). */
	private readonly stored = new Set<number>();
	private retryTimer: Awaited<ReturnType<typeof setTimeout>> | null = null;
	private failures = 0;

	constructor(
		private readonly attemptId: number,
		private readonly listener: SaveListener,
		private readonly storage: Storage | null = globalThis.localStorage ?? null
	) {}

	private get prefix(): string {
		return `qualify.attempt.${this.attemptId}.`;
	}

	/** Changes a previous page left unacknowledged in this browser. */
	readStored(): PendingSave[] {
		const found: PendingSave[] = [];
		if (!this.storage) return found;
		for (let i = 0; i < this.storage.length; i++) {
			const key = this.storage.key(i);
			if (!key?.startsWith(this.prefix)) continue;
			try {
				const value: unknown = JSON.parse(this.storage.getItem(key) ?? 'null');
				if (isPendingSave(value)) found.push(value);
			} catch {
				// A damaged entry cannot be re-sent; leaving it would only repeat this on every load.
				this.storage.removeItem(key);
			}
		}
		return found.sort((a, b) => a.position - b.position);
	}

	/** Keeps the change in the browser first, then sends it. */
	enqueue(save: PendingSave): void {
		try {
			if (!this.storage) throw new Error('no storage');
			this.storage.setItem(this.prefix + save.position, JSON.stringify(save));
			this.stored.add(save.position);
		} catch {
			// Storage full or disabled (private mode): the POST below is still the real save.
			this.stored.delete(save.position);
		}
		this.pending.set(save.position, save);
		void this.send(save.position);
	}

	get size(): number {
		return this.pending.size;
	}

	hasPending(position: number): boolean {
		return this.pending.has(position);
	}

	/** Whether the change waiting for this question is safe in this browser meanwhile. */
	isStoredLocally(position: number): boolean {
		return this.pending.has(position) && this.stored.has(position);
	}

	/** Sends everything still pending; true when nothing is left unacknowledged. */
	async flush(): Promise<boolean> {
		await Promise.all([...this.pending.keys()].map((p) => this.send(p)));
		await Promise.all([...this.inflight.values()]);
		return this.pending.size === 0;
	}

	/** The network is back: try at once, with the backoff reset. */
	retryNow(): void {
		this.failures = 0;
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
		void this.flush();
	}

	stop(): void {
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
	}

	private forget(save: PendingSave): void {
		if (this.pending.get(save.position)?.seq === save.seq) this.pending.delete(save.position);
		try {
			const key = this.prefix + save.position;
			const kept: unknown = JSON.parse(this.storage?.getItem(key) ?? 'null');
			// Another tab may have stored a newer change for this question since: keep that one.
			if (isPendingSave(kept) && kept.seq <= save.seq) this.storage?.removeItem(key);
		} catch {
			this.storage?.removeItem(this.prefix + save.position);
		}
	}

	private send(position: number): Promise<void> {
		const running = this.inflight.get(position);
		if (running) return running;
		const run = this.sendLoop(position).finally(() => this.inflight.delete(position));
		this.inflight.set(position, run);
		return run;
	}

	private async sendLoop(position: number): Promise<void> {
		for (;;) {
			const save = this.pending.get(position);
			if (!save) return;
			this.listener.sending(position);
			let response: Response;
			let body: Record<string, unknown> | null = null;
			try {
				response = await fetch(`/api/attempts/${this.attemptId}/answers`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', accept: 'application/json' },
					body: JSON.stringify(save)
				});
				// An expired session answers with the login page, not JSON: treat it as a failure.
				if (response.headers.get('content-type')?.includes('application/json')) {
					body = (await response.json()) as Record<string, unknown>;
				}
			} catch {
				this.fail(position, false);
				return;
			}
			if (response.ok && body && typeof body.savedAt === 'number') {
				this.failures = 0;
				this.forget(save);
				this.listener.saved(save, body.savedAt, body.stored === true);
				continue;
			}
			if (
				response.status >= 400 &&
				response.status < 500 &&
				body &&
				typeof body.error === 'string'
			) {
				this.forget(save);
				const params = (body.params ?? {}) as Record<string, string | number>;
				this.listener.refused(position, body.error, params);
				continue;
			}
			this.fail(position, response.status === 503);
			return;
		}
	}

	private fail(position: number, paused: boolean): void {
		this.listener.failed(position, paused);
		if (this.retryTimer) return;
		const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.failures);
		this.failures++;
		this.retryTimer = setTimeout(() => {
			this.retryTimer = null;
			void this.flush();
		}, delay);
	}
}
