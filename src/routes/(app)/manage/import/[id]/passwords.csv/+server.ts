import { translate } from '$lib/i18n/messages';
import { runLoad } from '$lib/server/http';
import { takeInitialPasswords } from '$lib/server/roster/view';
import type { RequestHandler } from './$types';

// A one-time secret: never cached, never kept by a proxy.
const NO_STORE = { 'cache-control': 'no-store' };

export const GET: RequestHandler = (event) =>
	runLoad(event, () => {
		const { ctx, user, locale } = event.locals;
		const file = takeInitialPasswords(ctx, user, Number(event.params.id), locale);
		if (!file) {
			return new Response(translate(locale, 'roster.passwords.gone'), {
				status: 410,
				headers: { ...NO_STORE, 'content-type': 'text/plain; charset=utf-8' }
			});
		}
		return new Response(file.csv, {
			headers: {
				...NO_STORE,
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${file.fileName}"`
			}
		});
	});
