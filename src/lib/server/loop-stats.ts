import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { commitDurations } from './db/commit-stats';
import { syncDurations } from './db/wal-sync';
import { log } from './log';
import { StallWatch, stealMs, threadTimesReader } from './stall-watch';

// Often enough to catch any stall worth naming, rarely enough to cost the thread well under 1 %.
const TICK_MS = 2;

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
	const watch = new StallWatch(() => performance.now(), threadTimesReader());
	setInterval(() => watch.tick(), TICK_MS).unref();
	let sequence = 0;
	let usage = process.resourceUsage();
	let steal = stealMs();
	process.on('SIGUSR2', () => {
		const now = process.resourceUsage();
		const stealNow = stealMs();
		const stats = {
			sequence: ++sequence,
			maxMs: delays.max / 1e6,
			p99Ms: delays.percentile(99) / 1e6,
			meanMs: delays.mean / 1e6,
			// The SQLite writer's commits (write + fsync on the request thread), when there were any.
			commits: commitDurations.count,
			commitP99Ms: commitDurations.count ? commitDurations.percentile(99) / 1e6 : 0,
			commitMaxMs: commitDurations.count ? commitDurations.max / 1e6 : 0,
			// Their WAL syncs, off the event loop (db/wal-sync.ts): what a save waits for on disk.
			syncs: syncDurations.count,
			syncP99Ms: syncDurations.count ? syncDurations.percentile(99) / 1e6 : 0,
			syncMaxMs: syncDurations.count ? syncDurations.max / 1e6 : 0,
			// What the process read from the disk rather than the page cache (any thread), in KiB:
			// a stall with reads next to it is a page the kernel had evicted, read again. Linux
			// counts 512-byte blocks.
			diskReadKiB: ((now.fsRead - usage.fsRead) * 512) / 1024,
			majorFaults: now.majorPageFault - usage.majorPageFault,
			// The longest gap between two ticks, split by what the thread was doing meanwhile.
			longestGap: watch.take(),
			// What the host took from this VM's cores (all of them), when it tells.
			stealMs: stealNow !== null && steal !== null ? stealNow - steal : null
		};
		usage = now;
		steal = stealNow;
		try {
			// Written whole and renamed into place: the bench never reads half a file.
			fs.writeFileSync(`${file}.tmp`, JSON.stringify(stats));
			fs.renameSync(`${file}.tmp`, file);
		} catch (e) {
			log.warn({ err: e, file }, 'could not write event-loop stats');
		}
		delays.reset();
		commitDurations.reset();
		syncDurations.reset();
	});
}
