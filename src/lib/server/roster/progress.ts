import type { CommitPhase } from '../db/schema';

// Where each phase sits on the progress bar, from where the time goes in a 100,000-row commit
// (tests/bench/roster.ts): checking the rows, preparing the accounts, the final write.
const SPAN: Record<CommitPhase, [from: number, to: number]> = {
	checking: [0, 45],
	preparing: [45, 95],
	writing: [95, 100]
};

/** The whole job's progress in percent (an integer) from its phase and the rows done in it. */
export function commitPercent(phase: CommitPhase, done: number, total: number): number {
	const [from, to] = SPAN[phase];
	const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
	return Math.floor(from + (to - from) * share);
}
