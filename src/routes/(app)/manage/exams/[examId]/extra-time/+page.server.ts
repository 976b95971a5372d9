import { getExtraTimePage, grantExtraTimeFromForm } from '$lib/server/exams/service';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(
		event,
		async () =>
			await getExtraTimePage(event.locals.ctx, event.locals.user, Number(event.params.examId))
	);

export const actions: Actions = {
	grant: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => ({
			granted: await grantExtraTimeFromForm(
				event.locals.ctx,
				event.locals.user,
				Number(event.params.examId),
				{
					employeeNo: String(form.get('employeeNo') ?? ''),
					minutes: String(form.get('minutes') ?? ''),
					reason: String(form.get('reason') ?? '')
				}
			)
		}));
	}
};
