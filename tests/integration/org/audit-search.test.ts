import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../../src/lib/server/audit/service';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { Forbidden } from '../../../src/lib/server/errors';
import {
	AUDIT_PAGE,
	exportAuditCsv,
	parseAuditSearch,
	searchAudit,
	type AuditSearch
} from '../../../src/lib/server/org/service';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

const asUser = (s: Awaited<ReturnType<typeof makeStaff>>, roles: SessionUser['roles']) =>
	({ ...s, roles, mustChangePassword: false, locale: null }) as SessionUser;

const ALL: AuditSearch = { person: '', action: '', target: '', from: '', to: '' };

async function office() {
	// 2026-03-02 09:00 in Beijing.
	const app = await createTestApp();
	const branch = await makeBranch(app);
	const hr = asUser(
		await makeStaff(app, { branchId: branch.id, employeeNo: 'H1', name: '人事甲', roles: ['hr'] }),
		['hr']
	);
	const manager = asUser(
		await makeStaff(app, { branchId: branch.id, employeeNo: 'M1', roles: ['branch_manager'] }),
		['branch_manager']
	);
	const teller = await makeStaff(app, { branchId: branch.id, employeeNo: 'T1', name: '储蓄员乙' });
	return { app, hr, manager, teller };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
	// Keep the BOM (Excel needs it to read UTF-8): Response.text() would drop it.
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(
		await new Response(stream).arrayBuffer()
	);
}

const actions = async (app: TestApp, hr: SessionUser, search: Partial<AuditSearch>) =>
	(await searchAudit(app, hr, { ...ALL, ...search })).events.map((e) => [e.action, e.target]);

describe('the audit log page', () => {
	it('filters by person (as actor or as object), action, object and Beijing days', async () => {
		const { app, hr, teller } = await office();
		await recordAudit(app, { action: 'login.success', actorStaffId: teller.id });
		await recordAudit(app, {
			action: 'staff.roles_change',
			actorStaffId: hr.id,
			target: 'staff:T1',
			detail: { before: ['learner'], after: ['learner', 'mentor'] }
		});
		// 23:30 Beijing on 2 March is 15:30 UTC the same day; 00:30 on 3 March is still 2 March UTC.
		app.clock.set('2026-03-02T15:30:00Z');
		await recordAudit(app, { action: 'spot.draw', actorStaffId: hr.id, target: 'spot_campaign:7' });
		app.clock.set('2026-03-02T16:30:00Z');
		await recordAudit(app, {
			action: 'roster.commit',
			actorStaffId: hr.id,
			target: 'roster_import:3'
		});

		expect(await actions(app, hr, { person: 'T1' })).toEqual([
			['staff.roles_change', 'staff:T1'],
			['login.success', null]
		]);
		expect(await actions(app, hr, { person: 'H1', action: 'spot.draw' })).toEqual([
			['spot.draw', 'spot_campaign:7']
		]);
		expect(await actions(app, hr, { target: 'ROSTER_' })).toEqual([
			['roster.commit', 'roster_import:3']
		]);
		// An underscore is a character, not a wildcard.
		expect(await actions(app, hr, { target: 'spot_c' })).toEqual([
			['spot.draw', 'spot_campaign:7']
		]);
		expect(await actions(app, hr, { target: 'spotXc' })).toEqual([]);
		expect(await actions(app, hr, { from: '2026-03-03', to: '2026-03-03' })).toEqual([
			['roster.commit', 'roster_import:3']
		]);
		expect((await actions(app, hr, { to: '2026-03-02' })).map(([a]) => a)).toEqual([
			'spot.draw',
			'staff.roles_change',
			'login.success'
		]);
		expect(await actions(app, hr, { person: 'NOBODY' })).toEqual([]);
		// The page names the actor; it never shows the detail's other fields or the address.
		const [draw] = (await searchAudit(app, hr, { ...ALL, action: 'spot.draw' })).events;
		expect(draw).toMatchObject({ actor: { employeeNo: 'H1', name: '人事甲' } });
		expect(draw).not.toHaveProperty('detail');
	});

	it('pages through every event, newest first, without repeats or gaps', async () => {
		const { app, hr } = await office();
		const total = AUDIT_PAGE * 2 + 5;
		for (let i = 0; i < total; i++) {
			await recordAudit(app, { action: 'logout', actorStaffId: hr.id, target: `n:${i}` });
		}
		const seen: string[] = [];
		let before: number | undefined;
		for (;;) {
			const page = await searchAudit(app, hr, { ...ALL, action: 'logout' }, before);
			seen.push(...page.events.map((e) => e.target!));
			if (page.next === null) break;
			before = page.next;
		}
		expect(seen).toEqual(Array.from({ length: total }, (_, i) => `n:${total - 1 - i}`));
	});

	it('reads its filters from the query string and drops malformed ones', () => {
		const { search, before } = parseAuditSearch(
			new URLSearchParams('person=T1&action=nope&target=x&from=2026-02-30&to=2026-03-01&before=9')
		);
		expect(search).toEqual({ person: 'T1', action: '', target: 'x', from: '', to: '2026-03-01' });
		expect(before).toBe(9);
	});

	it('exports every matching event as CSV, with the detail the page hides, to HR only', async () => {
		const { app, hr, manager } = await office();
		await recordAudit(app, {
			action: 'spot.draw',
			actorStaffId: hr.id,
			target: 'spot_campaign:1',
			detail: { seed: '9f3a2b' }
		});
		for (let i = 0; i < 1002; i++) {
			await recordAudit(app, { action: 'logout', actorStaffId: hr.id, target: '=cmd' });
		}
		const csv = await readAll(exportAuditCsv(app, hr, ALL, 'zh-CN'));
		const lines = csv.trimEnd().split('\r\n');
		expect(lines[0]).toBe('\uFEFF时间,操作人工号,操作人,操作,对象,详情,IP 地址');
		expect(lines).toHaveLength(1 + 1003);
		expect(lines[1]).toMatch(/^2026-03-02 09:00:00,H1,人事甲,.+,'=cmd,,$/);
		expect(lines.at(-1)).toBe(
			'2026-03-02 09:00:00,H1,人事甲,抽考抽签,spot_campaign:1,"{""seed"":""9f3a2b""}",'
		);
		const only = await readAll(exportAuditCsv(app, hr, { ...ALL, action: 'spot.draw' }, 'en'));
		expect(only.trimEnd().split('\r\n')).toHaveLength(2);

		expect(() => exportAuditCsv(app, manager, ALL, 'zh-CN')).toThrow(Forbidden);
		await expect(searchAudit(app, manager, ALL)).rejects.toThrow(Forbidden);
		expect(() => exportAuditCsv(app, null, ALL, 'zh-CN')).toThrow();
	});
});
