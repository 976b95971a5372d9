import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE_POLICIES } from '../../../src/lib/server/auth/policies';

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
});
