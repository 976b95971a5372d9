import type { Branch } from '../db/schema';
import type { BranchType, StaffStatus } from '../../org/enums';

/** Head counts by status; `current` is everyone still employed (active plus onboarding). */
export interface HeadCount {
	active: number;
	onboarding: number;
	left: number;
	current: number;
}

export interface BranchSummary extends HeadCount {
	code: string;
	name: string;
	type: BranchType;
}

export interface PositionSummary extends HeadCount {
	position: string;
}

function emptyCount(): HeadCount {
	return { active: 0, onboarding: 0, left: 0, current: 0 };
}

function add(into: HeadCount, status: StaffStatus, n: number): void {
	into[status] += n;
	if (status !== 'left') into.current += n;
}

/**
 * Folds grouped counts into per-branch and per-position tables. Every listed branch appears,
 * even an empty one; positions are ordered by how many people currently hold them.
 */
export function summarise(
	counts: { branchId: number; position: string; status: StaffStatus; n: number }[],
	branches: Pick<Branch, 'id' | 'code' | 'name' | 'type'>[]
): { branches: BranchSummary[]; positions: PositionSummary[]; totals: HeadCount } {
	const byBranch = new Map<number, HeadCount>(branches.map((b) => [b.id, emptyCount()]));
	const byPosition = new Map<string, HeadCount>();
	const totals = emptyCount();
	for (const c of counts) {
		const branchCount = byBranch.get(c.branchId);
		if (branchCount) add(branchCount, c.status, c.n);
		let positionCount = byPosition.get(c.position);
		if (!positionCount) byPosition.set(c.position, (positionCount = emptyCount()));
		add(positionCount, c.status, c.n);
		add(totals, c.status, c.n);
	}
	return {
		branches: branches.map((b) => ({
			code: b.code,
			name: b.name,
			type: b.type,
			...(byBranch.get(b.id) ?? emptyCount())
		})),
		positions: [...byPosition.entries()]
			.map(([position, count]) => ({ position, ...count }))
			.sort((a, b) => b.current - a.current || a.position.localeCompare(b.position, 'zh-CN')),
		totals
	};
}
