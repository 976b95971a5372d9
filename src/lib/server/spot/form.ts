/** Turns the campaign form into service input, and lists the form's choices. */
import { requireRole } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { selectCourses, selectLessonOutline } from '../courses/queries';
import { selectBranches } from '../org/queries';
import type { CampaignInput } from './campaigns';
import { selectActivePositions, selectSpotExams } from './lookup-queries';

/** 'YYYY-MM-DDTHH:mm' typed in Beijing time (the office has one zone, UTC+8, no DST) → epoch ms. */
export function beijingToEpoch(value: string): number {
	return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? Date.parse(`${value}:00+08:00`) : NaN;
}

/** Epoch ms → the value a datetime-local field shows in Beijing time. */
export function epochToBeijing(ms: number): string {
	return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
}

const text = (form: FormData, name: string): string => String(form.get(name) ?? '');
const int = (form: FormData, name: string): number => {
	const raw = text(form, name).trim();
	return raw === '' ? NaN : Number(raw);
};

export function campaignInputFromForm(form: FormData): CampaignInput {
	const [course, ...lesson] = text(form, 'remedial').split(':');
	const remedialCourseId = course ? Number(course) : null;
	return {
		examId: int(form, 'examId'),
		title: text(form, 'title'),
		month: text(form, 'month'),
		windowOpensAt: beijingToEpoch(text(form, 'opensAt')),
		windowClosesAt: beijingToEpoch(text(form, 'closesAt')),
		positions: form.getAll('positions').map(String),
		branchIds: form.getAll('branchIds').map(Number).filter(Number.isSafeInteger),
		sampleMode: text(form, 'sampleMode') === 'count' ? 'count' : 'percent',
		sampleValue: int(form, 'sampleValue'),
		excludeMonths: int(form, 'excludeMonths'),
		alternatesPerBranch: int(form, 'alternatesPerBranch'),
		retestsAllowed: int(form, 'retestsAllowed'),
		remedialCourseId: Number.isSafeInteger(remedialCourseId) ? remedialCourseId : null,
		remedialLessonKey: lesson.length > 0 ? lesson.join(':') : null
	};
}

export interface CampaignFormOptions {
	exams: { id: number; title: string }[];
	positions: string[];
	branches: { id: number; code: string; name: string }[];
	lessons: { value: string; label: string }[];
	/** Defaults: this month, opening now for a week, in Beijing time. */
	defaults: { month: string; opensAt: string; closesAt: string };
}

export async function getCampaignFormOptions(
	ctx: AppContext,
	user: SessionUser | null
): Promise<CampaignFormOptions> {
	requireRole(user, 'hr', 'admin');
	const now = ctx.clock.now();
	const lessons: CampaignFormOptions['lessons'] = [];
	for (const c of await selectCourses(ctx.db)) {
		if (c.currentVersionId === null) continue;
		for (const l of await selectLessonOutline(ctx.db, c.currentVersionId)) {
			lessons.push({ value: `${c.id}:${l.lessonKey}`, label: `${c.title} · ${l.title}` });
		}
	}
	return {
		exams: (await selectSpotExams(ctx.db)).filter((e) => e.active),
		positions: await selectActivePositions(ctx.db),
		branches: (await selectBranches(ctx.db, null)).map((b) => ({
			id: b.id,
			code: b.code,
			name: b.name
		})),
		lessons,
		defaults: {
			month: epochToBeijing(now).slice(0, 7),
			opensAt: epochToBeijing(now),
			closesAt: epochToBeijing(now + 7 * 86_400_000)
		}
	};
}
