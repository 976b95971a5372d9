import { verifyCertificate } from '$lib/server/competency/service';
import type { PageServerLoad } from './$types';

// Public and read-only: the answer is the same shape for every code, known or not.
export const load: PageServerLoad = async (event) => {
	event.setHeaders({ 'x-robots-tag': 'noindex', 'cache-control': 'no-store' });
	return { verification: await verifyCertificate(event.locals.ctx, event.params.code) };
};
