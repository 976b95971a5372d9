import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { log } from './log';

/**
 * The server's own view of its event loop, for `npm run bench` (and an operator chasing a
 * stall): with QUALIFY_LOOP_STATS naming a file, each SIGUSR2 writes the longest event-loop delay
 * and the 99th percentile since the previous signal to that file, then starts over. Off unless
 * asked for; no endpoint, so nothing is exposed over the network.
 */
export function startLoopStats(file: string): void {
	// 1 ms sampling: a stall of a few milliseconds still shows up as its own length.
	const delays = monitorEventLoopDelay({ resolution: 1 });
	delays.enable();
	let sequence = 0;
	process.on('SIGUSR2', () => {
		const stats = {
			sequence: ++sequence,
			maxMs: delays.max / 1e6,
			p99Ms: delays.percentile(99) / 1e6,
			meanMs: delays.mean / 1e6
		};
		try {
			fs.writeFileSync(file, JSON.stringify(stats));
		} catch (e) {
			log.warn({ err: e, file }, 'could not write event-loop stats');
		}
		delays.reset();
	});
}
