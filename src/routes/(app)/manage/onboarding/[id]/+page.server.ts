import { canManageOnboarding, requirePermission } from '$lib/server/auth/permissions';
import { Invalid } from '$lib/server/errors';
import { runAction, runLoad } from '$lib/server/http';
import {
	correctPracticumDay,
	countersignFinalDay,
	readDayForm
} from '$lib/server/mentoring/service';
import { cancelPlan, changeMentor, getPlanDetail } from '$lib/server/onboarding/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(
		event,
		async () => await getPlanDetail(event.locals.ctx, event.locals.user, Number(event.params.id))
	);

export const actions: Actions = {
	mentor: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const result = await changeMentor(
				event.locals.ctx,
				event.locals.user,
				Number(event.params.id),
				{
					mentorEmployeeNo: String(form.get('mentorEmployeeNo') ?? ''),
					reason: String(form.get('reason') ?? '')
				}
			);
			return { done: 'mentor' as const, day: 0, ...result, cleared: false };
		});
	},
	countersign: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const result = await countersignFinalDay(
				event.locals.ctx,
				event.locals.user,
				Number(form.get('dayId'))
			);
			return { done: 'countersign' as const, day: 15, crossBranchMentor: false, ...result };
		});
	},
	correct: async (event) => {
		const form = await event.request.formData();
		const input = readDayForm(form);
		return runAction(event, async () => {
			const result = await correctPracticumDay(
				event.locals.ctx,
				event.locals.user,
				Number(form.get('dayId')),
				input
			);
			return {
				done: 'correct' as const,
				day: input.dayNumber,
				crossBranchMentor: false,
				...result
			};
		});
	},
	cancel: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const { ctx, user } = event.locals;
			// Role first, so someone without the right is refused before being asked to confirm;
			// cancelPlan then checks the plan's branch.
			requirePermission(user, canManageOnboarding, 'manages onboarding');
			if (form.get('confirm') !== 'yes') {
				throw new Invalid([{ key: 'onboarding.cancel.confirmMissing', field: 'confirm' }]);
			}
			await cancelPlan(ctx, user, Number(event.params.id), String(form.get('reason') ?? ''));
			return { done: 'cancel' as const, day: 0, crossBranchMentor: false, cleared: false };
		});
	}
};
