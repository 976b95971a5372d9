import { getCourse } from '$lib/server/courses/service';
import { runLoad } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, () => ({
		course: getCourse(event.locals.ctx, event.locals.user, event.params.course)
	}));
