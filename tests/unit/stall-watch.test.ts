import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	parseSchedstat,
	StallWatch,
	threadTimesReader,
	type ThreadTimes
} from '../../src/lib/server/stall-watch';

const ms = 1e6;

/** A watch over a scripted clock and scripted thread times, one pair per tick. */
function scripted(ticks: [number, ThreadTimes | null][]): StallWatch {
	let i = 0;
	return new StallWatch(
		() => ticks[i]![0],
		() => ticks[i++]![1]
	);
}

describe('stall watch', () => {
	it('reads the first two schedstat fields and refuses anything else', () => {
		expect(parseSchedstat('123456789 2345678 910\n')).toEqual({
			onCpuNs: 123456789,
			runQueueNs: 2345678
		});
		expect(parseSchedstat('')).toBeNull();
		expect(parseSchedstat('x y z')).toBeNull();
	});

	it('keeps the longest gap with the time on a core, waiting for one and neither', () => {
		const watch = scripted([
			[0, { onCpuNs: 0, runQueueNs: 0 }],
			[2, { onCpuNs: 0.1 * ms, runQueueNs: 0 }],
			// 58 ms: 50 running, 5 waiting for a core, 3 neither.
			[60, { onCpuNs: 50.1 * ms, runQueueNs: 5 * ms }],
			// A shorter gap afterwards does not replace it.
			[70, { onCpuNs: 60.1 * ms, runQueueNs: 5 * ms }]
		]);
		for (let i = 0; i < 4; i++) watch.tick();
		const longest = watch.take();
		expect(longest?.gapMs).toBe(58);
		expect(longest?.onCpuMs).toBeCloseTo(50, 6);
		expect(longest?.runQueueMs).toBeCloseTo(5, 6);
		expect(longest?.elsewhereMs).toBeCloseTo(3, 6);
		// Taken: the next span starts empty.
		expect(watch.take()).toBeNull();
	});

	it('measures no gap across a tick whose times could not be read', () => {
		const watch = scripted([
			[0, { onCpuNs: 0, runQueueNs: 0 }],
			[100, null],
			[102, { onCpuNs: 1 * ms, runQueueNs: 0 }],
			[104, { onCpuNs: 2 * ms, runQueueNs: 0 }]
		]);
		for (let i = 0; i < 4; i++) watch.tick();
		expect(watch.take()?.gapMs).toBe(2);
	});

	it.runIf(fs.existsSync('/proc/thread-self/schedstat'))(
		"counts this thread's own busy time as time on a core",
		() => {
			const read = threadTimesReader();
			const before = read()!;
			// Busy until the kernel has counted 20 ms on a core (a loaded machine may take the core
			// away meanwhile, so wall time is no measure); a reader that never advances times out.
			const deadline = performance.now() + 5_000;
			let onCpuMs = 0;
			while (onCpuMs < 20 && performance.now() < deadline) {
				onCpuMs = (read()!.onCpuNs - before.onCpuNs) / ms;
			}
			expect(onCpuMs).toBeGreaterThanOrEqual(20);
		}
	);
});
