import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../src/lib/org/enums';
import { reachablePages, ROUTE_POLICIES } from '../../../src/lib/server/auth/policies';
import type { SessionUser } from '../../../src/lib/server/auth/session';

const ROUTES = path.resolve('src/routes');
const ROUTE_FILES = /^\+(page|server)(\.server)?\.(ts|js|svelte)$/;

/** SvelteKit's route ids: the folder path below src/routes, groups included. */
function routeIds(dir = ROUTES): Set<string> {
	const ids = new Set<string>();
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) for (const id of routeIds(full)) ids.add(id);
		else if (ROUTE_FILES.test(entry.name)) {
			const rel = path.relative(ROUTES, dir).split(path.sep).join('/');
			ids.add('/' + rel);
		}
	}
	return ids;
}

describe('route policies', () => {
	const ids = routeIds();

	it('finds the routes', () => {
		expect(ids.has('/(public)/login')).toBe(true);
		expect(ids.size).toBeGreaterThan(5);
	});

	it('declares a policy for every route', () => {
		const undeclared = [...ids].filter((id) => !(id in ROUTE_POLICIES));
		expect(undeclared, 'routes without an access policy').toEqual([]);
	});

	it('has no policy for a route that does not exist', () => {
		const stale = Object.keys(ROUTE_POLICIES).filter((id) => !ids.has(id));
		expect(stale, 'policies for missing routes').toEqual([]);
	});

	it('keeps the public surface small', () => {
		const publicRoutes = Object.entries(ROUTE_POLICIES)
			.filter(([, policy]) => policy === 'public')
			.map(([id]) => id)
			.sort();
		expect(publicRoutes).toEqual([
			'/(public)/login',
			'/(public)/verify/[code]',
			'/healthz',
			'/locale'
		]);
	});

	it('offers the navigation links the layouts used to work out from roles, for every set of roles', () => {
		const person = (roles: Role[]) => ({ id: 1, branchId: 1, roles }) as SessionUser;
		for (let bits = 0; bits < 2 ** ROLES.length; bits++) {
			const roles = ROLES.filter((_, i) => bits & (1 << i));
			const has = (...list: Role[]) => list.some((r) => roles.includes(r));
			const officeWide = has('hr', 'admin');
			const manages = officeWide || has('branch_manager');
			const trains = officeWide || has('trainer');
			const old: Record<string, boolean> = {
				'/mentoring': has('mentor'),
				'/manage/staff': manages,
				'/manage/hours': manages || trains,
				'/manage/sessions': trains,
				'/manage/banks': trains,
				'/manage/exams': trains,
				'/manage/spot': manages,
				'/manage/onboarding': manages,
				'/manage/reports': manages,
				'/manage/competencies': officeWide,
				'/manage/requirements': officeWide,
				'/manage/practicum-tasks': officeWide,
				'/manage/import': officeWide,
				'/manage/audit': officeWide
			};
			const pages = reachablePages(person(roles));
			for (const [href, shown] of Object.entries(old)) {
				expect(pages.includes(href), `${roles.join(',')} ${href}`).toBe(shown);
			}
			expect(pages).toContain('/');
			expect(pages.some((p) => p.includes('['))).toBe(false);
		}
	});
});
