// Small load tools for the roster bench: closed-loop clients, percentiles, an event-loop ticker.

export interface Timed {
	/** performance.now() when the request was sent. */
	start: number;
	ms: number;
	ok: boolean;
}

/** `clients` loops each sending one request after another while `keepGoing()` holds. */
export async function runUntil(
	clients: number,
	send: () => Promise<boolean>,
	keepGoing: () => boolean
): Promise<Timed[]> {
	const results: Timed[] = [];
	const client = async (): Promise<void> => {
		while (keepGoing()) {
			const start = performance.now();
			const ok = await send().catch(() => false);
			results.push({ start, ms: performance.now() - start, ok });
		}
	};
	await Promise.all(Array.from({ length: clients }, client));
	return results;
}

/** The p-th percentile of the latencies (p = 100: the maximum); 0 when there are none. */
export function percentile(timed: Timed[], p: number): number {
	const sorted = timed.map((t) => t.ms).sort((a, b) => a - b);
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * The longest gap between ticks of a 1 ms timer while `work` runs: how long a request arriving
 * meanwhile would have waited for this process.
 */
export async function longestStall(work: () => Promise<unknown>): Promise<number> {
	let last = performance.now();
	let longest = 0;
	const ticker = setInterval(() => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
	}, 1);
	await new Promise((r) => setTimeout(r, 20));
	longest = 0;
	await work();
	clearInterval(ticker);
	return longest;
}
