// The practice page: open banks with what can be chosen in them, and the person's sessions.
import { canPractise, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { listOpenBanks, loadDrawPool } from '../questions/service';
import type { PracticeMode } from '../../practice/enums';
import { QUESTION_TYPES, type QuestionType } from '../../questions/enums';
import * as data from './data';

export interface PracticeBank {
	id: number;
	name: string;
	questions: number;
	categories: string[];
	tags: string[];
	types: QuestionType[];
}

export interface RecentSession {
	attemptId: number;
	mode: PracticeMode;
	bankName: string | null;
	createdAt: number;
	open: boolean;
	score: number | null;
	maxScore: number;
}

export interface PracticeHome {
	banks: PracticeBank[];
	recent: RecentSession[];
}

/** What the practice page offers the person, and their last sessions. */
export async function getPracticeHome(
	ctx: AppContext,
	user: SessionUser | null
): Promise<PracticeHome> {
	const me = requirePermission(user, canPractise, 'practises');
	const open = await listOpenBanks(ctx.db);
	const pool = await loadDrawPool(
		ctx.db,
		open.map((b) => b.id)
	);
	const banks = open.map((b): PracticeBank => {
		const qs = pool.filter((q) => q.bankId === b.id);
		return {
			id: b.id,
			name: b.name,
			questions: qs.length,
			categories: [...new Set(qs.flatMap((q) => (q.category ? [q.category] : [])))].sort(),
			tags: [...new Set(qs.flatMap((q) => q.tags))].sort(),
			types: QUESTION_TYPES.filter((t) => qs.some((q) => q.type === t))
		};
	});
	const names = new Map(open.map((b) => [b.id, b.name]));
	const recent = (await data.selectRecentSessions(ctx.db, me.id, 10)).map((s): RecentSession => ({
		attemptId: s.attemptId,
		mode: s.mode,
		bankName: s.bankId === null ? null : (names.get(s.bankId) ?? null),
		createdAt: s.createdAt,
		open: s.status === 'open',
		score: s.score,
		maxScore: s.maxScore
	}));
	return { banks: banks.filter((b) => b.questions > 0), recent };
}
