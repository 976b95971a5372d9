// How long the SQLite writer's commits take on the request thread (with synchronous=FULL a commit
// is a write and an fsync of the WAL), for the bench's tail-latency figures and an operator
// chasing a stall. Recording costs one histogram insert per commit.
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

export const commitDurations: RecordableHistogram = createHistogram();

/** Runs a commit and records its duration in nanoseconds. */
export function timedCommit(commit: () => void): void {
	const started = process.hrtime.bigint();
	try {
		commit();
	} finally {
		commitDurations.record(Math.max(1, Number(process.hrtime.bigint() - started)));
	}
}
