import { row } from '../../../src/lib/server/db';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { verifyPassword } from '../../../src/lib/server/auth/password';
import { selectRoles } from '../../../src/lib/server/auth/service';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/session';
import { staff } from '../../../src/lib/server/db/schema';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import {
	checkRosterFile,
	commitRosterImport,
	discardRosterImport,
	previewRosterImport
} from '../../../src/lib/server/roster/service';
import { getRosterImport, takeInitialPasswords } from '../../../src/lib/server/roster/view';
import { makeStaff } from '../../helpers/factories';
import { addAdmin, branchByCode, csv, HEADER, seedOffice, staffByNo } from './setup';

const staffCount = async (app: { db: import('../../../src/lib/server/db').Db }): Promise<number> =>
	(await app.db.select().from(staff).all()).length;

describe('roster import', () => {
	it('previews new, changed and unchanged people without writing any of them', async () => {
		const { app, hr } = await seedOffice();
		const preview = await previewRosterImport(
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
		expect(await staffCount(app)).toBe(3);
		expect(await branchByCode(app, 'B002')).toBeUndefined();
		expect(await listAuditEvents(app, 10, 'roster.preview')).toHaveLength(1);
	});

	it('commits an upsert: creates, updates, replaces roles and audits each change', async () => {
		const { app, hr, head } = await seedOffice();
		const { importId } = await previewRosterImport(
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

		const teller = (await staffByNo(app, 'T001'))!;
		expect(teller.position).toBe('理财经理');
		expect((await selectRoles(app.db, teller.id)).sort()).toEqual(['learner', 'mentor']);
		const newcomer = (await staffByNo(app, 'N001'))!;
		expect(newcomer).toMatchObject({
			status: 'onboarding',
			hireDate: '2026-03-01',
			mustChangePassword: true
		});
		expect(await selectRoles(app.db, newcomer.id)).toEqual(['learner']);
		expect(await branchByCode(app, 'B002')).toMatchObject({ type: 'urban', parentId: head.id });

		const roleChanges = await listAuditEvents(app, 10, 'staff.roles_change');
		expect(roleChanges).toHaveLength(1);
		expect(roleChanges[0]).toMatchObject({
			actorStaffId: hr.id,
			target: 'staff:T001',
			detail: { from: ['learner'], to: ['learner', 'mentor'] }
		});
		expect((await listAuditEvents(app, 10, 'roster.commit'))[0]?.detail).toMatchObject({
			created: 1,
			changed: 1
		});
	});

	it('re-importing the same file changes nothing', async () => {
		const { app, hr } = await seedOffice();
		const file = csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,导师,在职');
		await commitRosterImport(app, hr, (await previewRosterImport(app, hr, file)).importId!);
		const again = await previewRosterImport(app, hr, file);
		expect(again.counts).toMatchObject({ created: 0, changed: 0, unchanged: 1 });
	});

	it('writes nothing at all when one row is bad', async () => {
		const { app, hr } = await seedOffice();
		const { importId, problems } = await previewRosterImport(
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
		expect(await staffCount(app)).toBe(3);
		expect((await staffByNo(app, 'T001'))?.position).toBe('储蓄员');
		expect(await branchByCode(app, 'B002')).toBeUndefined();
		expect((await getRosterImport(app, hr, importId!)).status).toBe('previewed');
	});

	it('needs a name and a type for a branch the database does not have', async () => {
		const { app, hr } = await seedOffice();
		const { problems } = await previewRosterImport(
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
		const { token } = await createSession(app, teller.id);
		expect(await validateSessionToken(app, token)).not.toBeNull();
		const { importId } = await previewRosterImport(
			app,
			hr,
			csv(HEADER, 'T001,储蓄员乙,B001,,,储蓄员,,,离职')
		);
		await commitRosterImport(app, hr, importId!);
		expect((await staffByNo(app, 'T001'))?.status).toBe('left');
		expect(await row(app.db, 'select count(*) n from session')).toEqual({ n: 0 });
		expect(await validateSessionToken(app, token)).toBeNull();
		expect((await listAuditEvents(app, 10, 'staff.disable'))[0]?.target).toBe('staff:T001');
	});

	it('keeps roles and status when the file has no such columns', async () => {
		const { app, hr, manager } = await seedOffice();
		const { importId } = await previewRosterImport(
			app,
			hr,
			csv('工号,姓名,机构代码,岗位', 'M001,支局长丙,B001,支局长')
		);
		const result = await commitRosterImport(app, hr, importId!);
		expect(result.counts.unchanged).toBe(1);
		expect((await selectRoles(app.db, manager.id)).sort()).toEqual(['branch_manager', 'learner']);
	});

	it('refuses to strip the importer of their own HR role', async () => {
		const { app, hr } = await seedOffice();
		const { problems } = await previewRosterImport(
			app,
			hr,
			csv(HEADER, 'H001,人事甲,B000,,,人事专员,,学员,在职')
		);
		expect(problems).toMatchObject([{ key: 'roster.error.selfDemote', params: { line: 2 } }]);
	});

	describe('only an admin grants, removes or disables admin', () => {
		const ROLES_COLUMN = '角色/roles';

		it('refuses HR making themselves an admin, naming the line and column', async () => {
			const { app, hr } = await seedOffice();
			const { importId, problems } = await previewRosterImport(
				app,
				hr,
				csv(
					HEADER,
					'T001,储蓄员乙,B001,,,储蓄员,,学员,在职',
					'H001,人事甲,B000,,,人事专员,,人事;管理员,'
				)
			);
			expect(problems).toEqual([
				{
					key: 'roster.error.adminGrant',
					field: 'roles',
					params: { line: 3, column: ROLES_COLUMN, value: 'H001' }
				}
			]);
			await expect(commitRosterImport(app, hr, importId!)).rejects.toBeInstanceOf(Invalid);
			expect(await selectRoles(app.db, hr.id)).toEqual(['hr']);
		});

		it('refuses HR creating an admin, and writes none of the file', async () => {
			const { app, hr } = await seedOffice();
			const { importId, problems } = await previewRosterImport(
				app,
				hr,
				csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,,', 'N002,新人戊,B000,,,系统管理员,,管理员,')
			);
			expect(problems).toMatchObject([
				{ key: 'roster.error.adminGrant', params: { line: 3, column: ROLES_COLUMN } }
			]);
			await expect(commitRosterImport(app, hr, importId!)).rejects.toBeInstanceOf(Invalid);
			expect(await staffByNo(app, 'N001')).toBeUndefined();
			expect(await staffByNo(app, 'N002')).toBeUndefined();
		});

		it('refuses HR demoting or disabling an admin', async () => {
			const { app, hr, head } = await seedOffice();
			const admin = await addAdmin(app, head.id);
			const { token } = await createSession(app, admin.id);
			const demote = await previewRosterImport(
				app,
				hr,
				csv(HEADER, 'A001,管理员丁,B000,,,系统管理员,,人事,在职')
			);
			expect(demote.problems).toMatchObject([
				{ key: 'roster.error.adminProtected', params: { line: 2, column: ROLES_COLUMN } }
			]);
			const disable = await previewRosterImport(
				app,
				hr,
				csv(HEADER, 'A001,管理员丁,B000,,,系统管理员,,人事;管理员,离职')
			);
			expect(disable.problems).toMatchObject([
				{ key: 'roster.error.adminProtected', params: { line: 2, column: '状态/status' } }
			]);
			for (const { importId } of [demote, disable]) {
				await expect(commitRosterImport(app, hr, importId!)).rejects.toBeInstanceOf(Invalid);
			}
			expect((await staffByNo(app, 'A001'))?.status).toBe('active');
			expect((await selectRoles(app.db, admin.id)).sort()).toEqual(['admin', 'hr']);
			expect(await validateSessionToken(app, token)).not.toBeNull();
		});

		it("refuses HR editing an admin's other fields but passes an unchanged admin row", async () => {
			const { app, hr, head } = await seedOffice();
			await addAdmin(app, head.id);
			const edit = await previewRosterImport(
				app,
				hr,
				csv('工号,姓名,机构代码,岗位', 'T001,储蓄员乙,B001,理财经理', 'A001,管理员丁,B001,储蓄员')
			);
			expect(edit.problems).toMatchObject([
				{ key: 'roster.error.adminProtected', params: { line: 3, column: '机构代码/branch_code' } }
			]);
			await expect(commitRosterImport(app, hr, edit.importId!)).rejects.toBeInstanceOf(Invalid);
			expect((await staffByNo(app, 'T001'))?.position).toBe('储蓄员');
			expect((await staffByNo(app, 'A001'))?.position).toBe('系统管理员');

			const same = await previewRosterImport(
				app,
				hr,
				csv(HEADER, 'A001,管理员丁,B000,,,系统管理员,,管理员;人事,在职')
			);
			expect(same.problems).toEqual([]);
			expect(same.counts.unchanged).toBe(1);
		});

		it('lets an admin grant, remove and disable admin and edit an admin', async () => {
			const { app, hr, head } = await seedOffice();
			const admin = await addAdmin(app, head.id);
			const other = await makeStaff(app, {
				employeeNo: 'A002',
				name: '管理员戊',
				branchId: head.id,
				roles: ['admin']
			});
			const { importId, problems } = await previewRosterImport(
				app,
				admin,
				csv(
					HEADER,
					'H001,人事甲,B000,,,人事专员,,人事;管理员,', // grant
					'N001,新人丁,B000,,,系统管理员,,管理员,', // create
					'A002,管理员戊,B001,,,储蓄员,,学员,离职' // edit, remove and disable
				)
			);
			expect(problems).toEqual([]);
			await commitRosterImport(app, admin, importId!);
			expect((await selectRoles(app.db, hr.id)).sort()).toEqual(['admin', 'hr']);
			expect(await selectRoles(app.db, (await staffByNo(app, 'N001'))!.id)).toEqual(['admin']);
			expect(await selectRoles(app.db, other.id)).toEqual(['learner']);
			expect(await staffByNo(app, 'A002')).toMatchObject({ status: 'left', position: '储蓄员' });
		});

		it('re-checks at commit with the committer’s rights', async () => {
			const { app, hr, head } = await seedOffice();
			const admin = await addAdmin(app, head.id);
			const { importId, problems } = await previewRosterImport(
				app,
				admin,
				csv(HEADER, 'N001,新人丁,B000,,,系统管理员,,管理员,')
			);
			expect(problems).toEqual([]);
			await expect(commitRosterImport(app, hr, importId!)).rejects.toMatchObject({
				problems: [{ key: 'roster.error.hasProblems', params: { count: 1 } }]
			});
			expect(await staffByNo(app, 'N001')).toBeUndefined();
		});

		it("keeps a new admin's initial password from HR", async () => {
			const { app, hr, head } = await seedOffice();
			const admin = await addAdmin(app, head.id);
			const file = csv(HEADER, 'N001,新人丁,B000,,,系统管理员,,管理员,');
			const { importId } = await previewRosterImport(app, admin, file);
			await commitRosterImport(app, admin, importId!);
			await expect(takeInitialPasswords(app, hr, importId!, 'zh-CN')).rejects.toThrow(
				expect.objectContaining({ problems: [{ key: 'roster.passwords.adminOnly' }] })
			);
			expect((await getRosterImport(app, hr, importId!)).hasInitialPasswords).toBe(true);
			expect((await takeInitialPasswords(app, admin, importId!, 'zh-CN'))?.count).toBe(1);
		});

		it('counts the system (the CLI) as an admin', async () => {
			const { app, hr } = await seedOffice();
			const preview = await checkRosterFile(
				app,
				SYSTEM_ACTOR,
				csv(HEADER, 'H001,人事甲,B000,,,人事专员,,人事;管理员,')
			);
			expect(preview.problems).toEqual([]);
			expect(preview.counts.changed).toBe(1);
			expect(await selectRoles(app.db, hr.id)).toEqual(['hr']);
		});
	});

	it('hands out the initial passwords exactly once', async () => {
		const { app, hr } = await seedOffice();
		const { importId } = await previewRosterImport(
			app,
			hr,
			csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,,', 'N002,=1+1,B001,,,储蓄员,,,')
		);
		await commitRosterImport(app, hr, importId!);
		expect((await getRosterImport(app, hr, importId!)).hasInitialPasswords).toBe(true);

		const file = await takeInitialPasswords(app, hr, importId!, 'zh-CN');
		expect(file?.count).toBe(2);
		const lines = file!.csv.split('\r\n');
		expect(lines[0]).toBe('\uFEFF工号,姓名,机构代码,机构名称,初始密码');
		expect(lines[2]).toMatch(/^N002,'=1\+1,B001,河口支局,/);
		const password = lines[1]!.split(',')[4]!;
		expect(await verifyPassword((await staffByNo(app, 'N001'))!.passwordHash!, password)).toBe(
			true
		);

		expect(await takeInitialPasswords(app, hr, importId!, 'zh-CN')).toBeNull();
		const view = await getRosterImport(app, hr, importId!);
		expect(view).toMatchObject({
			hasInitialPasswords: false,
			passwordsDownloadedAt: app.clock.now()
		});
		expect(await listAuditEvents(app, 10, 'roster.passwords_download')).toHaveLength(1);
	});

	it('refuses to commit twice or to commit a discarded import', async () => {
		const { app, hr } = await seedOffice();
		const file = csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,,');
		const first = (await previewRosterImport(app, hr, file)).importId!;
		await commitRosterImport(app, hr, first);
		await expect(commitRosterImport(app, hr, first)).rejects.toMatchObject({
			problems: [{ key: 'roster.error.alreadyCommitted' }]
		});
		const second = (await previewRosterImport(app, hr, csv(HEADER, 'N002,新人戊,B001,,,储蓄员,,,')))
			.importId!;
		await discardRosterImport(app, hr, second);
		await expect(commitRosterImport(app, hr, second)).rejects.toMatchObject({
			problems: [{ key: 'roster.error.discarded' }]
		});
		expect(await staffByNo(app, 'N002')).toBeUndefined();
	});

	it('imports a GBK file from Excel like a UTF-8 one', async () => {
		// The fixture makes 张伟 an admin, which only an admin may import.
		const { app, head } = await seedOffice();
		const admin = await addAdmin(app, head.id);
		const bytes = fs.readFileSync(path.resolve('tests/fixtures/roster/roster-gbk.csv'));
		const preview = await previewRosterImport(app, admin, { fileName: 'gbk.csv', bytes });
		expect(preview.encoding).toBe('gb18030');
		await commitRosterImport(app, admin, preview.importId!);
		expect(await staffByNo(app, '10003')).toMatchObject({ name: '王芳', position: '支局长' });
		expect((await branchByCode(app, 'B002'))?.name).toBe('河口支局');
	});

	it("holds every number in the file to the office's employee number pattern", async () => {
		const { app, hr } = await seedOffice();
		app.config.employeeNoPattern = '[A-Z]\\d{3}';
		const preview = await previewRosterImport(
			app,
			hr,
			csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,,', 'N0002,新人戊,B001,,,储蓄员,,,')
		);
		expect(preview.problems).toEqual([
			{
				key: 'roster.error.employeeNoPattern',
				field: 'employee_no',
				params: { line: 3, column: '工号', value: 'N0002', pattern: '[A-Z]\\d{3}' }
			}
		]);
	});

	it('refuses a file over 10 MB without storing it', async () => {
		const { app, hr } = await seedOffice();
		const bytes = new Uint8Array(10 * 1024 * 1024 + 1);
		await expect(previewRosterImport(app, hr, { fileName: 'big.csv', bytes })).rejects.toThrow(
			Invalid
		);
		expect(await row(app.db, 'select count(*) n from roster_import')).toEqual({ n: 0 });
	});

	it('refuses learners and branch managers everywhere', async () => {
		const { app, hr, teller, manager } = await seedOffice();
		const { importId } = await previewRosterImport(
			app,
			hr,
			csv(HEADER, 'N001,新人丁,B001,,,储蓄员,,,')
		);
		for (const user of [teller, manager]) {
			await expect(previewRosterImport(app, user, csv(HEADER))).rejects.toThrow(Forbidden);
			await expect(getRosterImport(app, user, importId!)).rejects.toThrow(Forbidden);
			await expect(discardRosterImport(app, user, importId!)).rejects.toThrow(Forbidden);
			await expect(takeInitialPasswords(app, user, importId!, 'zh-CN')).rejects.toThrow(Forbidden);
			await expect(commitRosterImport(app, user, importId!)).rejects.toBeInstanceOf(Forbidden);
		}
		expect(await staffByNo(app, 'N001')).toBeUndefined();
	});
});
