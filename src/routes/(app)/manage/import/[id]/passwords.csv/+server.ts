import { translate, type MessageKey } from '$lib/i18n/messages';
import { Invalid } from '$lib/server/errors';
import { runLoad } from '$lib/server/http';
import { takeInitialPasswords } from '$lib/server/roster/service';
import type { RequestHandler } from './$types';

// A one-time secret: never cached, never kept by a proxy.
const NO_STORE = { 'cache-control': 'no-store' };
const REFUSAL_STATUS: Partial<Record<MessageKey, number>> = {
	'roster.passwords.expired': 410,
	'roster.passwords.adminOnly': 403
};

// POST only, from the import page's form: handing the file over forgets it, so a link followed
// by a scanner, a prefetch or another site must not be able to spend it. GET answers 405.
export const POST: RequestHandler = (event) =>
	runLoad(event, async () => {
		const { ctx, user, locale } = event.locals;
		// The browser shows this response in place of the page: plain words, not an error key.
		const refuse = (status: number, key: MessageKey): Response =>
			new Response(translate(locale, key), {
				status,
				headers: { ...NO_STORE, 'content-type': 'text/plain; charset=utf-8' }
			});
		let file;
		try {
			file = await takeInitialPasswords(ctx, user, Number(event.params.id), locale);
		} catch (e) {
			const key = e instanceof Invalid ? e.problems[0]?.key : undefined;
			if (!key) throw e;
			return refuse(REFUSAL_STATUS[key] ?? 400, key);
		}
		if (!file) return refuse(410, 'roster.passwords.gone');
		return new Response(file.csv, {
			headers: {
				...NO_STORE,
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${file.fileName}"`
			}
		});
	});
