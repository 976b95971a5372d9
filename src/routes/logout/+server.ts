import { redirect } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/audit/service';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.session) {
		await invalidateSession(locals.ctx, locals.session.id);
		await recordAudit(locals.ctx, {
			action: 'logout',
			actorStaffId: locals.user?.id,
			target: locals.user?.employeeNo
		});
	}
	deleteSessionCookie(cookies, url);
	redirect(303, '/login');
};
