import { canManageCompetencies, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Competency } from '../db/schema';
import { listExpiring, type ExpiringLists } from './expiring';
import * as data from './data';
import { listCompetencies } from './framework';

export interface ManagePage {
	competencies: (Competency & {
		rules: (data.CompetencyRule & { courseTitle: string | null })[];
	})[];
	courses: { id: number; title: string }[];
	expiring: ExpiringLists;
}

/** The framework page: competencies with their rules, and what lapses within `days` (HR/admin). */
export async function getCompetencyManagePage(
	ctx: AppContext,
	user: SessionUser | null,
	days: string | null
): Promise<ManagePage> {
	requirePermission(user, canManageCompetencies, 'manages competencies');
	const { competencies, rules } = await listCompetencies(ctx, user);
	const courses = await data.selectCourseTitles(ctx.db);
	return {
		competencies: competencies.map((c) => ({
			...c,
			rules: rules
				.filter((r) => r.competencyId === c.id)
				.map((r) => ({
					...r,
					courseTitle: r.courseId === null ? null : (courses.get(r.courseId) ?? null)
				}))
		})),
		courses: [...courses].map(([id, title]) => ({ id, title })),
		expiring: await listExpiring(ctx, user, { days: days === '60' ? 60 : 30 })
	};
}
