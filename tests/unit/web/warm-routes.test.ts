import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { warmedRouteFiles } from '../../../src/lib/server/web/warm-routes';

/** Every server-side route module under src/routes, as '/src/routes/…' paths. */
function serverRouteFiles(dir = 'src/routes'): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return serverRouteFiles(file);
		return /^\+(server|page\.server|layout\.server)\.ts$/.test(entry.name) ? [`/${file}`] : [];
	});
}

describe('route modules loaded at boot', () => {
	it('covers every server route module, so no first request compiles a library on the event loop', () => {
		const onDisk = serverRouteFiles().sort();
		expect(onDisk.length).toBeGreaterThan(50);
		expect(warmedRouteFiles().sort()).toEqual(onDisk);
	});
});
