import { requireRole } from '$lib/server/auth/guards';
import { TRAINING_ROLES } from '$lib/server/classroom/access';
import { readGroupForm, readStaffIds } from '$lib/server/classroom/form';
import {
	enrolByGroup,
	enrolStaff,
	markAttendance,
	unenrolStaff
} from '$lib/server/classroom/roster';
import { cancelSession, getEnrolOptions, getSession } from '$lib/server/classroom/service';
import { openSignIn } from '$lib/server/classroom/sign-in';
import { Invalid } from '$lib/server/errors';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, () => {
		const { ctx, user } = event.locals;
		return {
			...getSession(ctx, user, Number(event.params.id)),
			options: getEnrolOptions(ctx, user)
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
	enrol: act(({ locals }, form, id) => ({
		done: 'enrolled' as const,
		...enrolStaff(locals.ctx, locals.user, id, String(form.get('employeeNos') ?? ''))
	})),
	enrolGroup: act(({ locals }, form, id) => ({
		done: 'enrolled' as const,
		...enrolByGroup(locals.ctx, locals.user, id, readGroupForm(form))
	})),
	unenrol: act(({ locals }, form, id) => {
		unenrolStaff(locals.ctx, locals.user, id, Number(form.get('staffId')));
		return { done: 'unenrolled' as const };
	}),
	attendance: act(({ locals }, form, id) => ({
		done: 'attendance' as const,
		...markAttendance(locals.ctx, locals.user, id, readStaffIds(form))
	})),
	openSignIn: act(({ locals }, form, id) => {
		openSignIn(locals.ctx, locals.user, id, { minutes: Number(form.get('minutes') ?? 15) });
		return { done: 'signIn' as const };
	}),
	cancel: act(({ locals }, form, id) => {
		// Role first, so someone without the right is refused before being asked to confirm.
		requireRole(locals.user, ...TRAINING_ROLES);
		if (form.get('confirm') !== 'yes') {
			throw new Invalid([{ key: 'classroom.cancel.confirmMissing', field: 'confirm' }]);
		}
		cancelSession(locals.ctx, locals.user, id);
		return { done: 'cancelled' as const };
	})
};
