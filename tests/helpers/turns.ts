/**
 * Counts turns of the event loop (one setImmediate each) until stopped: work that yields lets
 * the count grow while it runs; work that holds the thread leaves it where it was.
 */
export function countTurns(): { readonly turns: number; stop(): void } {
	let turns = 0;
	let running = true;
	const tick = (): void => {
		turns++;
		if (running) setImmediate(tick);
	};
	setImmediate(tick);
	return {
		get turns() {
			return turns;
		},
		stop() {
			running = false;
		}
	};
}
