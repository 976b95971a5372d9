import http from 'node:http';
import type { LoadResult } from './load';

interface Req {
	path: string;
	method: 'GET' | 'POST';
	headers?: Record<string, string>;
	body?: string;
}

function percentile(sorted: number[], p: number): number {
	return sorted.length
		? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
		: 0;
}

/**
 * Sends `rate` requests per second, evenly spaced, for `seconds`, whatever the server's pace;
 * each latency runs from when the request was due, so a stall counts against every request it
 * delayed (no coordinated omission). autocannon's overallRate sends each second's quota in a
 * burst, which measures the burst rather than the server.
 */
export async function openLoop(
	base: string,
	rate: number,
	seconds: number,
	next: () => Req
): Promise<LoadResult> {
	const url = new URL(base);
	const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
	const total = rate * seconds;
	const latencies: number[] = [];
	let failed = 0;
	const failures: Record<string, number> = {};
	const fail = (cause: string): void => {
		failed++;
		failures[cause] = (failures[cause] ?? 0) + 1;
	};
	let sent = 0;
	let finished = 0;
	const start = performance.now();
	await new Promise<void>((done) => {
		const fire = (due: number): void => {
			const r = next();
			const req = http.request(
				{
					host: url.hostname,
					port: url.port,
					path: r.path,
					method: r.method,
					headers: r.headers,
					agent
				},
				(res) => {
					res.resume();
					res.on('end', () => {
						if (res.statusCode !== 200) fail(String(res.statusCode));
						latencies.push(performance.now() - due);
						if (++finished === total) done();
					});
				}
			);
			req.on('error', (e: NodeJS.ErrnoException) => {
				fail(e.code ?? e.message);
				if (++finished === total) done();
			});
			req.end(r.body);
		};
		const tick = (): void => {
			const dueNow = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
			while (sent < dueNow) fire(start + (sent++ * 1000) / rate);
			if (sent < total) setTimeout(tick, 1);
		};
		tick();
	});
	agent.destroy();
	latencies.sort((a, b) => a - b);
	const elapsed = (performance.now() - start) / 1000;
	return {
		rps: total / elapsed,
		p50: Math.round(percentile(latencies, 50) * 10) / 10,
		p99: Math.round(percentile(latencies, 99) * 10) / 10,
		total,
		failed,
		failures
	};
}
