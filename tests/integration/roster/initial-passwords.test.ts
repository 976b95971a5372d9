import { row } from '../../../src/lib/server/db';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Invalid } from '../../../src/lib/server/errors';
import {
	INITIAL_PASSWORDS_TTL_MS,
	purgeExpiredInitialPasswords,
	startInitialPasswordsPurge
} from '../../../src/lib/server/roster/passwords-expiry';
import { commitRosterImport, previewRosterImport } from '../../../src/lib/server/roster/service';
import { getRosterImport, takeInitialPasswords } from '../../../src/lib/server/roster/view';
import type { TestApp } from '../../helpers/app';
import { csv, HEADER, seedOffice } from './setup';

const storedPasswords = async (app: TestApp, importId: number): Promise<string | null> =>
	(
		(await row(app.db, 'select initial_passwords p from roster_import where id = ?', [
			importId
		])) as { p: string | null }
	).p;

async function committedImport(employeeNo = 'N001') {
	const office = await seedOffice();
	const { app, hr } = office;
	const file = csv(HEADER, `${employeeNo},新人丁,B001,,,储蓄员,,,`);
	const importId = (await previewRosterImport(app, hr, file)).importId!;
	await commitRosterImport(app, hr, importId);
	return { ...office, importId };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('initial passwords expire', () => {
	it('hands them out until seven days after the commit, then refuses and forgets them', async () => {
		const { app, hr, importId } = await committedImport();
		const expireAt = app.clock.now() + INITIAL_PASSWORDS_TTL_MS;
		expect(await getRosterImport(app, hr, importId)).toMatchObject({
			hasInitialPasswords: true,
			passwordsExpired: false,
			passwordsExpireAt: expireAt
		});

		app.clock.set(expireAt);
		expect(await getRosterImport(app, hr, importId)).toMatchObject({
			hasInitialPasswords: false,
			passwordsExpired: true
		});
		await expect(takeInitialPasswords(app, hr, importId, 'zh-CN')).rejects.toThrow(
			expect.objectContaining({ problems: [{ key: 'roster.passwords.expired' }] })
		);
		expect(await storedPasswords(app, importId)).toBeNull();
		// Still expired, not "already downloaded", once they are gone from the database.
		await expect(takeInitialPasswords(app, hr, importId, 'zh-CN')).rejects.toThrow(Invalid);
		expect((await getRosterImport(app, hr, importId)).passwordsExpired).toBe(true);
	});

	it('still hands them out a moment before the seven days are up', async () => {
		const { app, hr, importId } = await committedImport();
		app.clock.advance(INITIAL_PASSWORDS_TTL_MS - 1);
		expect((await takeInitialPasswords(app, hr, importId, 'zh-CN'))?.count).toBe(1);
	});

	it('purges only batches older than seven days', async () => {
		const { app, hr, importId: old } = await committedImport();
		app.clock.advance(INITIAL_PASSWORDS_TTL_MS - 1);
		expect(await purgeExpiredInitialPasswords(app)).toBe(0);
		const file = csv(HEADER, 'N002,新人戊,B001,,,储蓄员,,,');
		const recent = (await previewRosterImport(app, hr, file)).importId!;
		await commitRosterImport(app, hr, recent);

		app.clock.advance(1);
		expect(await purgeExpiredInitialPasswords(app)).toBe(1);
		expect(await storedPasswords(app, old)).toBeNull();
		expect(await storedPasswords(app, recent)).not.toBeNull();
		expect((await getRosterImport(app, hr, recent)).hasInitialPasswords).toBe(true);
	});

	it('purges at start and then periodically', async () => {
		const { app, importId } = await committedImport();
		vi.useFakeTimers();
		app.clock.advance(INITIAL_PASSWORDS_TTL_MS - 1000);
		const stop = await startInitialPasswordsPurge(app, 60_000);
		expect(await storedPasswords(app, importId)).not.toBeNull();
		app.clock.advance(1000);
		await vi.advanceTimersByTimeAsync(60_000);
		// The purge the timer started may still be on its way to a database server.
		vi.useRealTimers();
		await vi.waitFor(async () => expect(await storedPasswords(app, importId)).toBeNull());
		stop();
	});

	it('keeps a downloaded batch shown as downloaded, not expired', async () => {
		const { app, hr, importId } = await committedImport();
		await takeInitialPasswords(app, hr, importId, 'zh-CN');
		const downloadedAt = app.clock.now();
		app.clock.advance(INITIAL_PASSWORDS_TTL_MS * 2);
		expect(await getRosterImport(app, hr, importId)).toMatchObject({
			passwordsExpired: false,
			passwordsDownloadedAt: downloadedAt
		});
		expect(await takeInitialPasswords(app, hr, importId, 'zh-CN')).toBeNull();
	});
});
