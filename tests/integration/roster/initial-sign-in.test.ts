import { describe, expect, it } from 'vitest';
import { resetPassword } from '../../../src/lib/server/auth/password-reset';
import { changePassword, signIn } from '../../../src/lib/server/auth/service';
import { validateSessionToken } from '../../../src/lib/server/auth/session';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import { createAdmin } from '../../../src/lib/server/roster/admin';
import { commitRosterImport, previewRosterImport } from '../../../src/lib/server/roster/service';
import { takeInitialPasswords } from '../../../src/lib/server/roster/view';
import type { TestApp } from '../../helpers/app';
import { csv, HEADER, seedOffice, staffByNo } from './setup';

const FAST = /^\$sha256-initial\$/;

async function signedIn(app: TestApp, employeeNo: string, password: string) {
	const result = await signIn(app, { username: employeeNo, password });
	if (!result.ok) throw new Error(`sign-in of ${employeeNo} failed: ${result.reason}`);
	return { ...result, user: (await validateSessionToken(app, result.token))!.user };
}

describe('initial passwords', () => {
	it('of a roster import sign in, must be changed, and give way to argon2id', async () => {
		const { app, hr } = await seedOffice();
		const { importId } = await previewRosterImport(
			app,
			hr,
			csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,,')
		);
		await commitRosterImport(app, hr, importId!);
		expect((await staffByNo(app, 'N001'))?.passwordHash).toMatch(FAST);
		const file = (await takeInitialPasswords(app, hr, importId!, 'zh-CN'))!;
		const password = file.csv.split('\r\n')[1]!.split(',')[4]!;

		expect((await signIn(app, { username: 'N001', password: `${password}x` })).ok).toBe(false);
		const first = await signedIn(app, 'N001', password);
		expect(first.user.mustChangePassword).toBe(true);
		await changePassword(app, first.user, {
			current: password,
			next: 'Xin-Ren-2026',
			confirm: 'Xin-Ren-2026',
			sessionId: first.sessionId
		});
		expect((await staffByNo(app, 'N001'))?.passwordHash).toMatch(/^\$argon2id\$/);
		expect((await signIn(app, { username: 'N001', password })).ok).toBe(false);
		expect((await signedIn(app, 'N001', 'Xin-Ren-2026')).user.mustChangePassword).toBe(false);
	});

	it('made by a reset or for a new administrator take the same fast path', async () => {
		const { app, hr } = await seedOffice();
		const reset = await resetPassword(app, hr, 'T001');
		expect((await staffByNo(app, 'T001'))?.passwordHash).toMatch(FAST);
		expect((await signedIn(app, 'T001', reset.initialPassword)).user.mustChangePassword).toBe(true);

		const admin = await createAdmin(app, SYSTEM_ACTOR, { employeeNo: 'A009' });
		expect((await staffByNo(app, 'A009'))?.passwordHash).toMatch(FAST);
		expect((await signedIn(app, 'A009', admin.initialPassword)).user.mustChangePassword).toBe(true);
	});
});
