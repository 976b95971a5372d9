/** Turns the campaign form into service input, and lists the form's choices. */
import { canManageSpotCampaigns, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { officeMonth, parseOfficeInput, toOfficeInput } from '../../time/office';
import { selectCourses, selectLessonOutline } from '../courses/service';
import { selectBranches, selectPositions } from '../org/service';
import type { CampaignInput } from './campaigns';
import { selectSpotExams } from './data';

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
		windowOpensAt: parseOfficeInput(text(form, 'opensAt')),
		windowClosesAt: parseOfficeInput(text(form, 'closesAt')),
		positions: form.getAll('positions').map(String),
		branchIds: form.getAll('branchIds').map(Number).filter(Number.isSafeInteger),
		sampleMode: text(form, 'sampleMode') === 'count' ? 'count' : 'percent',
		sampleValue: int(form, 'sampleValue'),
		excludeMonths: int(form, 'excludeMonths'),
		alternatesPerBranch: int(form, 'alternatesPerBranch'),
		retestsAllowed: int(form, 'retestsAllowed'),
		remedialCourseId: Number.isSafeInteger(remedialCourseId) ? remedialCourseId : null,
		remedialLessonKey: lesson.length > 0 ? lesson.join(':') : null,
		confirmDuplicate: text(form, 'confirmDuplicate') === 'yes'
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
	requirePermission(user, canManageSpotCampaigns, 'manages spot campaigns');
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
		positions: await selectPositions(ctx.db, ['active']),
		branches: (await selectBranches(ctx.db, null)).map((b) => ({
			id: b.id,
			code: b.code,
			name: b.name
		})),
		lessons,
		defaults: {
			month: officeMonth(now),
			opensAt: toOfficeInput(now),
			closesAt: toOfficeInput(now + 7 * 86_400_000)
		}
	};
}
