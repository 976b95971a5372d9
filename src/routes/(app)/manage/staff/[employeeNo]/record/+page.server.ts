import { getRecordByEmployeeNo } from '$lib/server/competency/record';
import { runLoad } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, () => ({
		record: getRecordByEmployeeNo(event.locals.ctx, event.locals.user, event.params.employeeNo)
	}));
