import fs from 'node:fs';

/**
 * Where the request thread's longest gap between two ticks went, from the kernel's own account
 * of the thread (Linux `/proc/thread-self/schedstat`): running, waiting for a core, or neither —
 * blocked in the kernel (a disk read, a lock) or the virtual machine's core taken by its host.
 * A stall's cause is then read off the bench, not guessed: JavaScript, collection or SQLite work
 * shows as on-CPU time; other busy threads as waiting for a core. The kernel brings its figures
 * up to date at scheduler ticks, so each part is good to a tick (4 ms at HZ=250), and up to one
 * tick interval of "neither" is the loop's own idle wait for the next tick.
 */
export interface StallBreakdown {
	gapMs: number;
	onCpuMs: number;
	runQueueMs: number;
	/** Neither running nor runnable: blocked, or the host ran something else on this core. */
	elsewhereMs: number;
}

/** The thread's cumulative time on a core and waiting for one (nanoseconds). */
export interface ThreadTimes {
	onCpuNs: number;
	runQueueNs: number;
}

/** `schedstat`'s first two fields; null for anything else. */
export function parseSchedstat(text: string): ThreadTimes | null {
	const [onCpuNs, runQueueNs] = text.trim().split(/\s+/).map(Number);
	if (!Number.isFinite(onCpuNs) || !Number.isFinite(runQueueNs)) return null;
	return { onCpuNs: onCpuNs!, runQueueNs: runQueueNs! };
}

/** Keeps the longest gap between ticks since the last `take()`, with its breakdown. */
export class StallWatch {
	#last: { at: number; times: ThreadTimes } | null = null;
	#longest: StallBreakdown | null = null;

	constructor(
		private readonly now: () => number,
		private readonly read: () => ThreadTimes | null
	) {}

	tick(): void {
		const at = this.now();
		const times = this.read();
		const last = this.#last;
		this.#last = times ? { at, times } : null;
		if (!last || !times) return;
		const gapMs = at - last.at;
		if (this.#longest && gapMs <= this.#longest.gapMs) return;
		const onCpuMs = (times.onCpuNs - last.times.onCpuNs) / 1e6;
		const runQueueMs = (times.runQueueNs - last.times.runQueueNs) / 1e6;
		this.#longest = {
			gapMs,
			onCpuMs,
			runQueueMs,
			elsewhereMs: Math.max(0, gapMs - onCpuMs - runQueueMs)
		};
	}

	take(): StallBreakdown | null {
		const longest = this.#longest;
		this.#longest = null;
		return longest;
	}
}

/**
 * Reads the calling thread's schedstat through one descriptor, opened now (so on this thread)
 * and read again from offset 0 each time; null where the file does not exist (not Linux).
 */
export function threadTimesReader(): () => ThreadTimes | null {
	let fd: number;
	try {
		fd = fs.openSync('/proc/thread-self/schedstat', 'r');
	} catch {
		return () => null;
	}
	const buffer = Buffer.alloc(128);
	return () => parseSchedstat(buffer.toString('latin1', 0, fs.readSync(fd, buffer, 0, 128, 0)));
}

/** The host's steal time over all cores so far (ms), from `/proc/stat`; null where unreadable. */
export function stealMs(): number | null {
	try {
		const cpu = fs.readFileSync('/proc/stat', 'latin1').split('\n', 1)[0]!.split(/\s+/);
		// cpu user nice system idle iowait irq softirq steal …, in USER_HZ (100 a second on Linux).
		const steal = Number(cpu[8]);
		return Number.isFinite(steal) ? steal * 10 : null;
	} catch {
		return null;
	}
}
