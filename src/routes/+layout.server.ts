import { reachablePages } from '$lib/server/auth/policies';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user && {
			name: user.name,
			employeeNo: user.employeeNo,
			roles: user.roles,
			status: user.status,
			/** Where the navigation may link: the route table's answer, not a second copy. */
			pages: reachablePages(user)
		}
	};
};
