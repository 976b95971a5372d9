// The answer saves the bench sends, and how a figure is printed.
import type { LoopStats } from './loop-stats';
import { failedText, type LoadResult } from './load';
import type { BenchAttempt } from './seed';

export function answerFor(type: string, seq: number): unknown {
	if (type === 'single') return { choice: 'ABCD'[seq % 4] };
	if (type === 'multiple') return { choices: seq % 2 ? ['A', 'C'] : ['B', 'D'] };
	if (type === 'true_false') return { value: seq % 2 === 0 };
	return { text: `答案${seq % 97}` };
}

/** Answer saves cycling over every open attempt and position, each with a newer seq. */
export function saveRequests(attempts: BenchAttempt[]) {
	let n = 0;
	return () => {
		const a = attempts[n % attempts.length]!;
		const position = 1 + (Math.floor(n / attempts.length) % a.types.length);
		const seq = ++n;
		return {
			path: `/api/attempts/${a.id}/answers`,
			method: 'POST' as const,
			headers: { cookie: `qualify_session=${a.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ position, answer: answerFor(a.types[position - 1]!, seq), seq })
		};
	};
}

/**
 * What lies behind a run's stalls: the longest gap between the server's 2 ms ticks split into
 * time on a core, waiting for one and neither (blocked, or taken by the VM's host), the host's
 * steal over the run, and what the server read from disk rather than the page cache (next to a
 * stall, an evicted page).
 */
export function stallCauseText(stall: LoopStats): string {
	const parts: string[] = [];
	const gap = stall.longestGap;
	if (gap) {
		parts.push(
			`longest gap ${gap.gapMs.toFixed(1)} ms = on CPU ${gap.onCpuMs.toFixed(1)} + waiting for a core ${gap.runQueueMs.toFixed(1)} + neither ${gap.elsewhereMs.toFixed(1)}`
		);
	}
	if (stall.stealMs !== undefined && stall.stealMs !== null)
		parts.push(`host steal ${stall.stealMs} ms`);
	if (stall.diskReadKiB !== undefined) {
		const faults = stall.majorFaults ? `, ${stall.majorFaults} major faults` : '';
		parts.push(`disk reads ${stall.diskReadKiB.toFixed(0)} KiB${faults}`);
	}
	return parts.length > 0 ? `  (${parts.join('; ')})` : '';
}

export function line(
	label: string,
	r: LoadResult & { stall?: LoopStats },
	baseline?: number,
	target?: string
): string {
	const ratio = baseline ? ` ${(r.rps / baseline).toFixed(2)}×H` : '';
	const stall = r.stall ? `  longest stall ${r.stall.maxMs.toFixed(1)} ms` : '';
	const commits = r.stall?.commits
		? `  commits ${r.stall.commits} p99 ${r.stall.commitP99Ms!.toFixed(1)} ms max ${r.stall.commitMaxMs!.toFixed(1)} ms`
		: '';
	const syncs = r.stall?.syncs
		? `  WAL syncs ${r.stall.syncs} p99 ${r.stall.syncP99Ms!.toFixed(1)} ms max ${r.stall.syncMaxMs!.toFixed(1)} ms`
		: '';
	return `${label.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  n=${r.total}  ${failedText(r)}${ratio}${stall}${r.stall ? stallCauseText(r.stall) : ''}${commits}${syncs}${target ? `  (target ${target})` : ''}`;
}
