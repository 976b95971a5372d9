import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/http';
import {
	describeColumns,
	listRosterImports,
	previewRosterImport
} from '$lib/server/roster/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		imports: await listRosterImports(event.locals.ctx, event.locals.user),
		columns: describeColumns()
	}));

export const actions: Actions = {
	preview: async (event) => {
		const form = await event.request.formData();
		const file = form.get('file');
		const result = await runAction(event, async () => {
			const upload =
				file instanceof File
					? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
					: { fileName: '', bytes: new Uint8Array() };
			return (await previewRosterImport(event.locals.ctx, event.locals.user, upload)).importId;
		});
		if (typeof result === 'number') redirect(303, `/manage/import/${result}`);
		return result;
	}
};
