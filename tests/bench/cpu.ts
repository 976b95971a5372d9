// CPU time of processes, from /proc: a cost that holds on a shared, noisy machine where
// wall-clock rates do not, and that sizes a cluster (CPU-ms per 1,000 saves × saves per second).
import fs from 'node:fs';
import path from 'node:path';

// Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every platform Node runs on.
const TICK_MS = 10;

interface Stat {
	ppid: number;
	/** utime + stime of the process (all its threads). */
	own: number;
	/** cutime + cstime: children it has waited for. */
	children: number;
}

function stat(pid: number): Stat | null {
	let text: string;
	try {
		text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return null;
	}
	// The command name may hold spaces; the fields after it are space-separated.
	const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
	const n = (i: number) => Number(f[i - 3]);
	return { ppid: n(4), own: (n(14) + n(15)) * TICK_MS, children: (n(16) + n(17)) * TICK_MS };
}

/** CPU-ms used so far by the process `pid` (all its threads). */
export function processCpuMs(pid: number): number {
	return stat(pid)?.own ?? 0;
}

/**
 * CPU-ms used so far by a PostgreSQL server: the postmaster, its live children (backends,
 * WAL writer, checkpointer…) and the children it has already reaped.
 */
export function postgresCpuMs(dataDir: string): number {
	const postmaster = Number(
		fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]
	);
	const root = stat(postmaster);
	if (!root) return 0;
	let total = root.own + root.children;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const s = stat(Number(entry));
		if (s?.ppid === postmaster) total += s.own;
	}
	return total;
}

/** Runs `work` and says how many CPU-ms each counter advanced meanwhile. */
export async function cpuDuring<T, K extends string>(
	counters: Record<K, () => number>,
	work: () => Promise<T>
): Promise<{ result: T; cpuMs: Record<K, number> }> {
	const keys = Object.keys(counters) as K[];
	const before = keys.map((k) => counters[k]());
	const result = await work();
	const cpuMs = Object.fromEntries(keys.map((k, i) => [k, counters[k]() - before[i]!])) as Record<
		K,
		number
	>;
	return { result, cpuMs };
}
