import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { verifyPassword } from '../../../src/lib/server/auth/password';
import { selectRoles } from '../../../src/lib/server/auth/queries';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/session';
import { staff } from '../../../src/lib/server/db/schema';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import {
	commitRosterImport,
	discardRosterImport,
	previewRosterImport
} from '../../../src/lib/server/roster/service';
import { getRosterImport, takeInitialPasswords } from '../../../src/lib/server/roster/view';
import { branchByCode, csv, HEADER, seedOffice, staffByNo } from './setup';

const staffCount = (app: { db: import('../../../src/lib/server/db').Db }): number =>
	app.db.select().from(staff).all().length;

describe('roster import', () => {
	it('previews new, changed and unchanged people without writing any of them', async () => {
		const { app, hr } = await seedOffice();
		const preview = previewRosterImport(
			app,
			hr,
			csv(
				HEADER,
				'T001,储蓄员乙,B001,,,储蓄员,,学员,在职', // unchanged
				'M001,支局长丙,B002,新城支局,城区,支局长,2010-05-01,支局长;导师,在职', // changed
				'N001,新人丁,B002,,,储蓄员,2026/3/1,,见习' // new, in a new branch
			)
		);
		expect(preview.problems).toEqual([]);
		expect(preview.counts).toEqual({
			rows: 3,
			created: 1,
			changed: 1,
			unchanged: 1,
			newBranches: 1,
			problems: 0
		});
		expect(preview.newBranches).toEqual([{ code: 'B002', name: '新城支局', type: 'urban' }]);
		const changed = preview.changes.find((c) => c.employeeNo === 'M001');
		expect(changed?.changes).toEqual([
			{ field: 'branch', from: 'B001 河口支局', to: 'B002 新城支局' },
			{ field: 'hireDate', from: null, to: '2010-05-01' },
			{ field: 'roles', from: 'learner,branch_manager', to: 'mentor,branch_manager' }
		]);
		expect(staffCount(app)).toBe(3);
		expect(branchByCode(app, 'B002')).toBeUndefined();
		expect(listAuditEvents(app, 10, 'roster.preview')).toHaveLength(1);
	});

	it('commits an upsert: creates, updates, replaces roles and audits each change', async () => {
		const { app, hr, head } = await seedOffice();
		const { importId } = previewRosterImport(
			app,
			hr,
			csv(
				HEADER,
				'T001,储蓄员乙,B001,,,理财经理,,学员;导师,在职',
				'N001,新人丁,B002,新城支局,城区,储蓄员,2026/3/1,,见习'
			)
		);
		const result = await commitRosterImport(app, hr, importId!);
		expect(result.counts).toMatchObject({ created: 1, changed: 1, unchanged: 0, newBranches: 1 });

		const teller = staffByNo(app, 'T001')!;
		expect(teller.position).toBe('理财经理');
		expect(selectRoles(app.db, teller.id).sort()).toEqual(['learner', 'mentor']);
		const newcomer = staffByNo(app, 'N001')!;
		expect(newcomer).toMatchObject({
			status: 'onboarding',
			hireDate: '2026-03-01',
			mustChangePassword: true
		});
		expect(selectRoles(app.db, newcomer.id)).toEqual(['learner']);
		expect(branchByCode(app, 'B002')).toMatchObject({ type: 'urban', parentId: head.id });

		const roleChanges = listAuditEvents(app, 10, 'staff.roles_change');
		expect(roleChanges).toHaveLength(1);
		expect(roleChanges[0]).toMatchObject({
			actorStaffId: hr.id,
			target: 'staff:T001',
			detail: { from: ['learner'], to: ['learner', 'mentor'] }
		});
		expect(listAuditEvents(app, 10, 'roster.commit')[0]?.detail).toMatchObject({
			created: 1,
			changed: 1
		});
	});

	it('re-importing the same file changes nothing', async () => {
		const { app, hr } = await seedOffice();
		const file = csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,导师,在职');
		await commitRosterImport(app, hr, previewRosterImport(app, hr, file).importId!);
		const again = previewRosterImport(app, hr, file);
		expect(again.counts).toMatchObject({ created: 0, changed: 0, unchanged: 1 });
	});

	it('writes nothing at all when one row is bad', async () => {
		const { app, hr } = await seedOffice();
		const { importId, problems } = previewRosterImport(
			app,
			hr,
			csv(
				HEADER,
				'N001,新人丁,B002,新城支局,城区,储蓄员,,,',
				'T001,储蓄员乙,B001,,,理财经理,,,',
				'N002,新人戊,B001,,,储蓄员,2026-02-30,,'
			)
		);
		expect(problems.map((p) => [p.params?.line, p.key])).toEqual([
			[4, 'roster.error.dateImpossible']
		]);
		await expect(commitRosterImport(app, hr, importId!)).rejects.toBeInstanceOf(Invalid);
		expect(staffCount(app)).toBe(3);
		expect(staffByNo(app, 'T001')?.position).toBe('储蓄员');
		expect(branchByCode(app, 'B002')).toBeUndefined();
		expect(getRosterImport(app, hr, importId!).status).toBe('previewed');
	});

	it('needs a name and a type for a branch the database does not have', async () => {
		const { app, hr } = await seedOffice();
		const { problems } = previewRosterImport(
			app,
			hr,
			csv(
				HEADER,
				'N001,甲,B009,,,储蓄员,,,',
				'N002,乙,B009,,,储蓄员,,,',
				'N003,丙,B008,八号支局,,储蓄员,,,'
			)
		);
		expect(problems.map((p) => [p.params?.line, p.key, p.params?.value])).toEqual([
			[2, 'roster.error.branchNameMissing', 'B009'],
			[2, 'roster.error.branchTypeMissing', 'B009'],
			[4, 'roster.error.branchTypeMissing', 'B008']
		]);
	});

	it('ends the sessions of someone marked as left', async () => {
		const { app, hr, teller } = await seedOffice();
		const { token } = createSession(app, teller.id);
		expect(validateSessionToken(app, token)).not.toBeNull();
		const { importId } = previewRosterImport(
			app,
			hr,
			csv(HEADER, 'T001,储蓄员乙,B001,,,储蓄员,,,离职')
		);
		await commitRosterImport(app, hr, importId!);
		expect(staffByNo(app, 'T001')?.status).toBe('left');
		expect(app.db.$client.prepare('select count(*) n from session').get()).toEqual({ n: 0 });
		expect(validateSessionToken(app, token)).toBeNull();
		expect(listAuditEvents(app, 10, 'staff.disable')[0]?.target).toBe('staff:T001');
	});

	it('keeps roles and status when the file has no such columns', async () => {
		const { app, hr, manager } = await seedOffice();
		const { importId } = previewRosterImport(
			app,
			hr,
			csv('工号,姓名,机构代码,岗位', 'M001,支局长丙,B001,支局长')
		);
		const result = await commitRosterImport(app, hr, importId!);
		expect(result.counts.unchanged).toBe(1);
		expect(selectRoles(app.db, manager.id).sort()).toEqual(['branch_manager', 'learner']);
	});

	it('refuses to strip the importer of their own HR role', async () => {
		const { app, hr } = await seedOffice();
		const { problems } = previewRosterImport(
			app,
			hr,
			csv(HEADER, 'H001,人事甲,B000,,,人事专员,,学员,在职')
		);
		expect(problems).toMatchObject([{ key: 'roster.error.selfDemote', params: { line: 2 } }]);
	});

	it('hands out the initial passwords exactly once', async () => {
		const { app, hr } = await seedOffice();
		const { importId } = previewRosterImport(
			app,
			hr,
			csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,,', 'N002,=1+1,B001,,,储蓄员,,,')
		);
		await commitRosterImport(app, hr, importId!);
		expect(getRosterImport(app, hr, importId!).hasInitialPasswords).toBe(true);

		const file = takeInitialPasswords(app, hr, importId!, 'zh-CN');
		expect(file?.count).toBe(2);
		const lines = file!.csv.split('\r\n');
		expect(lines[0]).toBe('\uFEFF工号,姓名,机构代码,机构名称,初始密码');
		expect(lines[2]).toMatch(/^N002,'=1\+1,B001,河口支局,/);
		const password = lines[1]!.split(',')[4]!;
		expect(await verifyPassword(staffByNo(app, 'N001')!.passwordHash!, password)).toBe(true);

		expect(takeInitialPasswords(app, hr, importId!, 'zh-CN')).toBeNull();
		const view = getRosterImport(app, hr, importId!);
		expect(view).toMatchObject({
			hasInitialPasswords: false,
			passwordsDownloadedAt: app.clock.now()
		});
		expect(listAuditEvents(app, 10, 'roster.passwords_download')).toHaveLength(1);
	});

	it('refuses to commit twice or to commit a discarded import', async () => {
		const { app, hr } = await seedOffice();
		const file = csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,,');
		const first = previewRosterImport(app, hr, file).importId!;
		await commitRosterImport(app, hr, first);
		await expect(commitRosterImport(app, hr, first)).rejects.toMatchObject({
			problems: [{ key: 'roster.error.alreadyCommitted' }]
		});
		const second = previewRosterImport(
			app,
			hr,
			csv(HEADER, 'N002,新人戊,B001,,,储蓄员,,,')
		).importId!;
		discardRosterImport(app, hr, second);
		await expect(commitRosterImport(app, hr, second)).rejects.toMatchObject({
			problems: [{ key: 'roster.error.discarded' }]
		});
		expect(staffByNo(app, 'N002')).toBeUndefined();
	});

	it('imports a GBK file from Excel like a UTF-8 one', async () => {
		const { app, hr } = await seedOffice();
		const bytes = fs.readFileSync(path.resolve('tests/fixtures/roster/roster-gbk.csv'));
		const preview = previewRosterImport(app, hr, { fileName: 'gbk.csv', bytes });
		expect(preview.encoding).toBe('gb18030');
		await commitRosterImport(app, hr, preview.importId!);
		expect(staffByNo(app, '10003')).toMatchObject({ name: '王芳', position: '支局长' });
		expect(branchByCode(app, 'B002')?.name).toBe('河口支局');
	});

	it('refuses a file over 10 MB without storing it', async () => {
		const { app, hr } = await seedOffice();
		const bytes = new Uint8Array(10 * 1024 * 1024 + 1);
		expect(() => previewRosterImport(app, hr, { fileName: 'big.csv', bytes })).toThrow(Invalid);
		expect(app.db.$client.prepare('select count(*) n from roster_import').get()).toEqual({ n: 0 });
	});

	it('refuses learners and branch managers everywhere', async () => {
		const { app, hr, teller, manager } = await seedOffice();
		const { importId } = previewRosterImport(app, hr, csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,,'));
		for (const user of [teller, manager]) {
			expect(() => previewRosterImport(app, user, csv(HEADER))).toThrow(Forbidden);
			expect(() => getRosterImport(app, user, importId!)).toThrow(Forbidden);
			expect(() => discardRosterImport(app, user, importId!)).toThrow(Forbidden);
			expect(() => takeInitialPasswords(app, user, importId!, 'zh-CN')).toThrow(Forbidden);
			await expect(commitRosterImport(app, user, importId!)).rejects.toBeInstanceOf(Forbidden);
		}
		expect(staffByNo(app, 'N001')).toBeUndefined();
	});
});
