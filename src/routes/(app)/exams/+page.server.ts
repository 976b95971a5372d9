import { runLoad } from '$lib/server/http';
import { listMyExams } from '$lib/server/exams/service';
import { mySpotExams } from '$lib/server/spot/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user } = event.locals;
		return {
			exams: await listMyExams(ctx, user),
			// Spot exams and their make-up exams (补考) are reached through their campaign.
			spot: await mySpotExams(ctx, user)
		};
	});
