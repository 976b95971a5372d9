import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { load as loginLoad } from '../../../src/routes/(public)/login/+page.server';
import { POST as setLocale } from '../../../src/routes/locale/+server';
import { createTestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

const ORIGIN = 'https://qualify.example.cn';

/** Where a handler redirected to; fails the test if it did not redirect. */
async function locationOf(work: () => unknown): Promise<string> {
	try {
		await work();
	} catch (e) {
		if (isRedirect(e)) return e.location;
		throw e;
	}
	throw new Error('no redirect');
}

async function signedInLocals() {
	const app = await createTestApp();
	const row = await makeStaff(app, { branchId: (await makeBranch(app)).id });
	return { ctx: app, user: toSessionUser(row, ['learner']), session: null, locale: 'zh-CN' };
}

describe('redirects after sign-in and a language change', () => {
	it('sends a signed-in visitor of the login page only to a path on this site', async () => {
		const locals = await signedInLocals();
		const visit = (next: string) => {
			const url = new URL(`/login?next=${encodeURIComponent(next)}`, ORIGIN);
			return locationOf(async () => await loginLoad({ locals, url } as never));
		};
		expect(await visit('/\\evil.com')).toBe('/');
		expect(await visit('/\t/evil.com')).toBe('/');
		expect(await visit('/manage/reports?x=1')).toBe('/manage/reports?x=1');
		const raw = new URL('/login?next=/%5Cevil.com', ORIGIN);
		expect(await locationOf(async () => await loginLoad({ locals, url: raw } as never))).toBe('/');
	});

	it('goes back after a language change only to a path on this site', async () => {
		const locals = await signedInLocals();
		const cookies = { set: () => {} };
		const change = (redirectTo: string) => {
			const body = new FormData();
			body.set('locale', 'en');
			body.set('redirectTo', redirectTo);
			const url = new URL('/locale', ORIGIN);
			const request = new Request(url, { method: 'POST', body });
			return locationOf(() => setLocale({ request, cookies, locals, url } as never));
		};
		expect(await change('/\\evil.com')).toBe('/');
		expect(await change('/\t/evil.com')).toBe('/');
		expect(await change('https://evil.com')).toBe('/');
		expect(await change('/learn?tab=2')).toBe('/learn?tab=2');
	});
});
