import { canManageStaff, requirePermission } from '$lib/server/auth/permissions';
import { passwordResetStatus, resetPassword } from '$lib/server/auth/service';
import { Invalid } from '$lib/server/errors';
import { runAction, runLoad } from '$lib/server/http';
import { disableStaff, getStaffProfile, updateStaffRoles } from '$lib/server/org/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const profile = await getStaffProfile(
			event.locals.ctx,
			event.locals.user,
			event.params.employeeNo
		);
		return { ...profile, passwordReset: passwordResetStatus(event.locals.user, profile.person) };
	});

export const actions: Actions = {
	roles: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const { changed } = await updateStaffRoles(
				event.locals.ctx,
				event.locals.user,
				event.params.employeeNo,
				form.getAll('roles').map(String)
			);
			return { done: changed ? ('roles' as const) : ('unchanged' as const) };
		});
	},
	disable: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			// Role first, so someone without the right is refused before being asked to confirm.
			requirePermission(event.locals.user, canManageStaff, 'manages staff');
			if (form.get('confirm') !== 'yes') {
				throw new Invalid([{ key: 'org.disable.confirmMissing', field: 'confirm' }]);
			}
			await disableStaff(event.locals.ctx, event.locals.user, event.params.employeeNo);
			return { done: 'disabled' as const };
		});
	},
	// The service refuses branch managers itself: the route policy lets them see this page.
	resetPassword: (event) =>
		runAction(event, async () => {
			const reset = await resetPassword(
				event.locals.ctx,
				event.locals.user,
				event.params.employeeNo
			);
			// Returned once as action data: never stored, logged or put in a URL.
			return { done: 'passwordReset' as const, initialPassword: reset.initialPassword };
		})
};
