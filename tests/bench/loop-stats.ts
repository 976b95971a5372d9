import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type { StallBreakdown } from '../../src/lib/server/stall-watch';

/** What the server reports of its event loop (src/lib/server/loop-stats.ts). */
export interface LoopStats {
	sequence: number;
	maxMs: number;
	p99Ms: number;
	/** The SQLite writer's commits in the same span (0 on PostgreSQL). */
	commits?: number;
	commitP99Ms?: number;
	commitMaxMs?: number;
	syncs?: number;
	syncP99Ms?: number;
	syncMaxMs?: number;
	/** Read from the disk, not the page cache, by any of the server's threads (KiB). */
	diskReadKiB?: number;
	majorFaults?: number;
	/** The longest gap between the server's ticks and where its time went (src/lib/server/stall-watch.ts). */
	longestGap?: StallBreakdown | null;
	/** The host's steal time over the span, all cores (ms); null where the kernel does not say. */
	stealMs?: number | null;
}

async function signal(server: ChildProcess, file: string): Promise<LoopStats> {
	const before = fs.existsSync(file)
		? (JSON.parse(fs.readFileSync(file, 'utf8')) as LoopStats)
		: null;
	server.kill('SIGUSR2');
	for (let i = 0; i < 200; i++) {
		await new Promise((r) => setTimeout(r, 10));
		if (!fs.existsSync(file)) continue;
		const now = JSON.parse(fs.readFileSync(file, 'utf8')) as LoopStats;
		if (now.sequence !== before?.sequence) return now;
	}
	throw new Error('the server did not report its event-loop stats');
}

/** Runs `work` and returns its result with the server's longest event-loop stall during it. */
export async function withLoopStats<T>(
	server: ChildProcess,
	file: string,
	work: () => Promise<T>
): Promise<T & { stall: LoopStats }> {
	await signal(server, file);
	const result = await work();
	return { ...result, stall: await signal(server, file) };
}
