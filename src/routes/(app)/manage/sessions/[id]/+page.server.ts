import { canRunSessions, requirePermission } from '$lib/server/auth/permissions';
import {
	cancelSession,
	enrolByGroup,
	enrolStaff,
	getEnrolOptions,
	getSession,
	getSignInQr,
	markAttendance,
	openSignIn,
	readGroupForm,
	readStaffIds,
	unenrolStaff
} from '$lib/server/classroom/service';
import { Invalid } from '$lib/server/errors';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user } = event.locals;
		return {
			...(await getSession(ctx, user, Number(event.params.id))),
			signInQr: await getSignInQr(ctx, user, Number(event.params.id), event.url.origin),
			options: await getEnrolOptions(ctx, user)
		};
	});

/** Each action: read the form, call one service (which checks access), say what was done. */
function act<T>(work: (event: RequestEvent, form: FormData, id: number) => T) {
	return async (event: RequestEvent) => {
		const form = await event.request.formData();
		return runAction(event, () => work(event, form, Number(event.params.id)));
	};
}

export const actions: Actions = {
	enrol: act(async ({ locals }, form, id) => ({
		done: 'enrolled' as const,
		...(await enrolStaff(locals.ctx, locals.user, id, String(form.get('employeeNos') ?? '')))
	})),
	enrolGroup: act(async ({ locals }, form, id) => ({
		done: 'enrolled' as const,
		...(await enrolByGroup(locals.ctx, locals.user, id, readGroupForm(form)))
	})),
	unenrol: act(async ({ locals }, form, id) => {
		await unenrolStaff(locals.ctx, locals.user, id, Number(form.get('staffId')));
		return { done: 'unenrolled' as const };
	}),
	attendance: act(async ({ locals }, form, id) => ({
		done: 'attendance' as const,
		...(await markAttendance(locals.ctx, locals.user, id, readStaffIds(form)))
	})),
	openSignIn: act(async ({ locals }, form, id) => {
		await openSignIn(locals.ctx, locals.user, id, { minutes: Number(form.get('minutes') ?? 15) });
		return { done: 'signIn' as const };
	}),
	cancel: act(async ({ locals }, form, id) => {
		// Role first, so someone without the right is refused before being asked to confirm.
		requirePermission(locals.user, canRunSessions, 'runs classroom sessions');
		if (form.get('confirm') !== 'yes') {
			throw new Invalid([{ key: 'classroom.cancel.confirmMissing', field: 'confirm' }]);
		}
		await cancelSession(locals.ctx, locals.user, id);
		return { done: 'cancelled' as const };
	})
};
