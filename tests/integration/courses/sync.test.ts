import { rows } from '../../../src/lib/server/db';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import * as q from '../../../src/lib/server/courses/data';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { createTestApp } from '../../helpers/app';

function copyContent(dir: string): string {
	const target = path.join(dir, 'content');
	fs.cpSync(path.resolve('content'), target, { recursive: true });
	return target;
}

describe('course sync', () => {
	it('loads the shipped courses with their hours', async () => {
		const app = await createTestApp();
		const summary = await syncCourses(app, loadContent(path.resolve('content')));
		expect(summary.created).toBeGreaterThanOrEqual(3);
		const byKind = new Map((await q.selectCourses(app.db)).map((c) => [c.kind, c]));
		const hoursOf = async (kind: 'remote' | 'centralized' | 'onboarding') =>
			(await q.selectVersion(app.db, byKind.get(kind)!.currentVersionId!))!.totalClassHours;
		expect(await hoursOf('remote')).toBe(40);
		expect(await hoursOf('centralized')).toBe(60);
		expect(await hoursOf('onboarding')).toBe(40);
	});

	it('keeps the same version when nothing changed', async () => {
		const app = await createTestApp();
		await syncCourses(app, loadContent(path.resolve('content')));
		const again = await syncCourses(app, loadContent(path.resolve('content')));
		expect(again.created + again.newVersions + again.retired).toBe(0);
	});

	it('makes a new version when a lesson changes and keeps the old one', async () => {
		const app = await createTestApp();
		const dir = copyContent(app.dir);
		await syncCourses(app, loadContent(dir));
		const courseDir = fs.readdirSync(dir).find((d) => d.includes('remote'))!;
		const moduleDir = fs.readdirSync(path.join(dir, courseDir)).find((d) => /^\d/.test(d))!;
		const lessonFile = fs
			.readdirSync(path.join(dir, courseDir, moduleDir))
			.find((f) => f !== 'index.md')!;
		fs.appendFileSync(path.join(dir, courseDir, moduleDir, lessonFile), '\n\n补充说明。\n');
		const summary = await syncCourses(app, loadContent(dir));
		expect(summary.newVersions).toBe(1);
		const remote = (await q.selectCourses(app.db)).find((c) => c.kind === 'remote')!;
		expect((await q.selectVersion(app.db, remote.currentVersionId!))!.version).toBe(2);
		expect(await q.selectLatestVersionNumber(app.db, remote.id)).toBe(2);
	});

	it('retires a course removed from content but keeps it', async () => {
		const app = await createTestApp();
		const dir = copyContent(app.dir);
		await syncCourses(app, loadContent(dir));
		const selfStudy = fs.readdirSync(dir).find((d) => d.includes('spot-exam'))!;
		fs.rmSync(path.join(dir, selfStudy), { recursive: true });
		expect((await syncCourses(app, loadContent(dir))).retired).toBe(1);
		expect((await q.selectCourses(app.db)).some((c) => c.slug.includes('spot-exam'))).toBe(false);
		expect((await q.selectCourses(app.db, true)).some((c) => c.slug.includes('spot-exam'))).toBe(
			true
		);
	});

	it('stores sanitized lesson HTML', async () => {
		const app = await createTestApp();
		await syncCourses(app, loadContent(path.resolve('content')));
		const html = (await rows(app.db, 'select html from lesson')) as { html: string }[];
		expect(html.length).toBeGreaterThan(80);
		expect(html.every((r) => !/<script/i.test(r.html))).toBe(true);
	});
});
