import { getRecordByEmployeeNo } from '$lib/server/competency/service';
import { runLoad } from '$lib/server/http';
import { getPersonMasteryByEmployeeNo } from '$lib/server/practice/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		record: await getRecordByEmployeeNo(
			event.locals.ctx,
			event.locals.user,
			event.params.employeeNo
		),
		mastery: await getPersonMasteryByEmployeeNo(
			event.locals.ctx,
			event.locals.user,
			event.params.employeeNo
		)
	}));
