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
 * How async work that runs long lets others in: called between chunks with the progress so far.
 * `atOnce` for a preview or a test, `paced` for a background job.
 */
export type Pace<P = void> = (step: P) => Promise<void>;

/** Goes straight on: for work that may hold the event loop (a preview, a test, the CLI). */
export const atOnce: Pace<any> = () => Promise.resolve(); // eslint-disable-line @typescript-eslint/no-explicit-any -- fits every Pace

/** Reports each step to `onStep` (which may throw to stop the work), then gives up a turn. */
export function paced<P>(onStep?: (step: P) => void | Promise<void>): Pace<P> {
	return async (step) => {
		await onStep?.(step);
		await nextTurn();
	};
}

/** Runs synchronous steps, pacing each one. */
export async function driveSteps<T, P>(steps: Steps<T, P>, pace: Pace<P>): Promise<T> {
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
		await pace(next.value);
	}
}

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
