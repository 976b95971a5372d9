import { Invalid } from '../../src/lib/server/errors';

/** Problems with their params, for messages that must say how many or who. */
export function problemsOf(work: () => unknown): Invalid['problems'] {
	try {
		work();
	} catch (e) {
		if (e instanceof Invalid) return e.problems;
		throw e;
	}
	throw new Error('expected the call to be refused');
}

/** The message keys a refused call gave; fails when the call was not refused as invalid. */
export function problemKeys(work: () => unknown): string[] {
	return problemsOf(work).map((p) => p.key);
}
