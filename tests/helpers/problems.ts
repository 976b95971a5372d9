import { Invalid } from '../../src/lib/server/errors';

/** Problems with their params, for messages that must say how many or who. */
export async function problemsOf(work: () => unknown): Promise<Invalid['problems']> {
	try {
		await work();
	} catch (e) {
		if (e instanceof Invalid) return e.problems;
		throw e;
	}
	throw new Error('expected the call to be refused');
}

/** The message keys a refused call gave; fails when the call was not refused as invalid. */
export async function problemKeys(work: () => unknown): Promise<string[]> {
	return (await problemsOf(work)).map((p) => p.key);
}
