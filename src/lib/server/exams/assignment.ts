/**
 * How many questions each blueprint rule can get when no question may serve two rules.
 *
 * Questions are grouped into classes by the exact set of rules they match; questions in one class
 * are interchangeable, so the problem is a small flow network: source → class (capacity = class
 * size) → each rule the class matches → sink (capacity = the rule's count). The maximum flow is
 * the most questions a paper can hold, and it is exact where a greedy pass is not (greedy can
 * spend a shared question on a rule that had other choices).
 *
 * Rules are filled one at a time in the given order with augmenting paths. An augmenting path
 * ends on one rule's sink edge and never lowers another rule's fill, and a rule with no path left
 * never gains one later, so the result is a maximum flow in which earlier rules are served first:
 * the order only decides which rule a shortfall is blamed on, never its total.
 */
export interface ClassGraph {
	/** Questions still available in each class. */
	sizes: readonly number[];
	/** Rule indexes each class matches (every class matches at least one). */
	classRules: readonly (readonly number[])[];
	/** Class indexes that match each rule. */
	ruleClasses: readonly (readonly number[])[];
}

/** Questions each rule receives in a maximum assignment, serving rules in `order` first. */
export function fillRules(
	graph: ClassGraph,
	needs: readonly number[],
	order: readonly number[]
): number[] {
	const { sizes, classRules, ruleClasses } = graph;
	const classCount = sizes.length;
	const ruleCount = needs.length;
	const flow = classRules.map(() => new Array<number>(ruleCount).fill(0));
	const used = new Array<number>(classCount).fill(0);
	const filled = new Array<number>(ruleCount).fill(0);
	// Parent links of the search: for a rule, the class it was reached from; for a class, the rule
	// it was reached from backwards (-1 for a class reached straight from the source).
	const ruleParent = new Int32Array(ruleCount);
	const classParent = new Int32Array(classCount);

	for (const target of order) {
		while (filled[target]! < needs[target]!) {
			ruleParent.fill(-2);
			classParent.fill(-2);
			const queue: number[] = [];
			for (let c = 0; c < classCount; c++) {
				if (used[c]! < sizes[c]!) {
					classParent[c] = -1;
					queue.push(c);
				}
			}
			let found = false;
			for (let head = 0; head < queue.length && !found; head++) {
				const c = queue[head]!;
				for (const r of classRules[c]!) {
					if (ruleParent[r] !== -2) continue;
					ruleParent[r] = c;
					if (r === target) {
						found = true;
						break;
					}
					// Step back along an existing assignment: class c2 gives up one to rule r.
					for (const c2 of ruleClasses[r]!) {
						if (classParent[c2] === -2 && flow[c2]![r]! > 0) {
							classParent[c2] = r;
							queue.push(c2);
						}
					}
				}
			}
			if (!found) break;

			// Bottleneck along the path, then apply it.
			let amount = needs[target]! - filled[target]!;
			let r = target;
			let c = ruleParent[r]!;
			while (classParent[c] !== -1) {
				const back = classParent[c]!;
				amount = Math.min(amount, flow[c]![back]!);
				r = back;
				c = ruleParent[r]!;
			}
			amount = Math.min(amount, sizes[c]! - used[c]!);

			r = target;
			c = ruleParent[r]!;
			flow[c]![r]! += amount;
			while (classParent[c] !== -1) {
				const back = classParent[c]!;
				flow[c]![back]! -= amount;
				r = back;
				c = ruleParent[r]!;
				flow[c]![r]! += amount;
			}
			used[c]! += amount;
			filled[target]! += amount;
		}
	}
	return filled;
}

/** True when every rule's need can be met at once. */
export function isFeasible(graph: ClassGraph, needs: readonly number[]): boolean {
	const order = needs.map((_, i) => i);
	const filled = fillRules(graph, needs, order);
	return filled.every((f, i) => f === needs[i]);
}
