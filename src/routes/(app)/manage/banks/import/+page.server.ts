import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/http';
import {
	listBanks,
	listQuestionImports,
	previewQuestionImport
} from '$lib/server/questions/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user } = event.locals;
		return {
			imports: await listQuestionImports(ctx, user),
			banks: (await listBanks(ctx, user)).map((b) => b.name)
		};
	});

export const actions: Actions = {
	preview: async (event) => {
		const form = await event.request.formData();
		const file = form.get('file');
		const defaultBank = form.get('defaultBank');
		const result = await runAction(event, async () => {
			const upload =
				file instanceof File
					? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
					: { fileName: '', bytes: new Uint8Array() };
			return (
				await previewQuestionImport(event.locals.ctx, event.locals.user, {
					...upload,
					defaultBank: typeof defaultBank === 'string' ? defaultBank : null
				})
			).importId;
		});
		if (typeof result === 'number') redirect(303, `/manage/banks/import/${result}`);
		return result;
	}
};
