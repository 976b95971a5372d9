/**
 * A second spot campaign for the same month and position: HR sometimes means it (a make-up
 * campaign), more often it is a double click or a colleague's campaign not noticed. The service
 * refuses it unless the form confirms it explicitly.
 */

interface Drawable {
	title: string;
	month: string;
	/** Empty: every position. */
	positions: readonly string[];
}

/** Whether two campaigns draw from a common position (an empty list is every position). */
function sharesPosition(a: readonly string[], b: readonly string[]): boolean {
	if (a.length === 0 || b.length === 0) return true;
	return a.some((p) => b.includes(p));
}

/** The existing campaigns of the same month that draw from a position the new one draws from. */
export function sameMonthAndPosition<T extends Drawable>(
	existing: readonly T[],
	next: Omit<Drawable, 'title'>
): T[] {
	return existing.filter(
		(c) => c.month === next.month && sharesPosition(c.positions, next.positions)
	);
}
