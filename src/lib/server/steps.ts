/**
 * Long work written once as a generator that yields between chunks, and run either at once
 * (a preview, a test) or paced (a background job) so the server answers requests meanwhile.
 */
export type Steps<T, P = void> = Generator<P, T, void>;

/** Runs the steps straight through and returns the result. */
export function runSteps<T, P>(steps: Steps<T, P>): T {
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
	}
}

/** Lets the event loop serve what is waiting (setImmediate: after pending I/O) before going on. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs the steps, giving the event loop a turn after each one (setImmediate: pending I/O is
 * served before the next chunk) and telling `onStep` what each step reported. `onStep` may
 * throw to stop the work.
 */
export async function paceSteps<T, P>(steps: Steps<T, P>, onStep?: (step: P) => void): Promise<T> {
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
		onStep?.(next.value);
		await nextTurn();
	}
}

/** The same steps, each report translated by `map` (to add what the caller knows). */
export function* mapSteps<T, P, Q>(steps: Steps<T, P>, map: (step: P) => Q): Steps<T, Q> {
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
		yield map(next.value);
	}
}
