import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import {
	getCertificate,
	issueCertificate,
	revokeCertificate,
	verifyCertificate
} from '../../../src/lib/server/competency/certificates';
import { listExpiring } from '../../../src/lib/server/competency/expiring';
import { getRecord } from '../../../src/lib/server/competency/record';
import { inTransaction } from '../../../src/lib/server/db';
import { certificate } from '../../../src/lib/server/db/schema';
import { competencyWorld, refusal } from './setup';

const DAY = 86_400_000;

async function withCertificate() {
	const world = await competencyWorld();
	const attempt = await world.sit(world.teller, 'certification', true);
	const cert = (await world.app.db.select().from(certificate).get())!;
	return { ...world, attempt, cert };
}

describe('public verification', () => {
	it('shows a valid certificate with the name and facts only', async () => {
		const { app, cert } = await withCertificate();
		expect(await verifyCertificate(app, cert.verificationCode)).toEqual({
			status: 'valid',
			name: '王芳',
			number: cert.number,
			competency: '储蓄柜面业务',
			issuedOn: '2026-03-02',
			expiresOn: '2028-03-02'
		});
	});

	it('reports expired after the expiry day, and revoked after a revocation', async () => {
		const { app, hr, cert } = await withCertificate();
		app.clock.set('2028-03-03T02:00:00Z');
		expect((await verifyCertificate(app, cert.verificationCode)).status).toBe('expired');
		await revokeCertificate(app, hr, cert.id, '考试作弊');
		expect((await verifyCertificate(app, cert.verificationCode)).status).toBe('revoked');
	});

	it('tells an unknown code nothing: same keys, all empty, for near misses too', async () => {
		const { app, cert } = await withCertificate();
		const known = await verifyCertificate(app, cert.verificationCode);
		const near =
			cert.verificationCode.slice(0, -1) + (cert.verificationCode.endsWith('A') ? 'B' : 'A');
		for (const code of ['not-a-code', near, cert.verificationCode.slice(0, 10), '']) {
			const answer = await verifyCertificate(app, code);
			expect(answer).toEqual({
				status: 'unknown',
				name: null,
				number: null,
				competency: null,
				issuedOn: null,
				expiresOn: null
			});
			expect(Object.keys(answer).sort()).toEqual(Object.keys(known).sort());
		}
	});
});

describe('revoking', () => {
	it('needs HR, a reason, and refuses a second revocation without changing anything', async () => {
		const { app, hr, manager, teller, cert } = await withCertificate();
		expect(await refusal(async () => await revokeCertificate(app, manager, cert.id, 'x'))).toBe(
			'error.forbidden'
		);
		expect(await refusal(async () => await revokeCertificate(app, hr, cert.id, '  '))).toBe(
			'competency.error.reasonRequired'
		);
		await revokeCertificate(app, hr, cert.id, '考试作弊');
		app.clock.advance(DAY);
		expect(await refusal(async () => await revokeCertificate(app, hr, cert.id, '再次'))).toBe(
			'competency.error.alreadyRevoked'
		);
		const row = (await app.db.select().from(certificate).get())!;
		expect(row.revokeReason).toBe('考试作弊');
		expect(await listAuditEvents(app, 10, 'certificate.revoke')).toHaveLength(1);
		const record = await getRecord(app, teller, teller.id);
		expect(record.competencies.find((c) => c.code === 'SAV-COUNTER')!.status).toBe('not_held');
		expect(record.history.map((h) => h.kind)).toEqual(['revoked', 'granted']);
	});
	it('leaves a later grant standing when an older certificate is revoked', async () => {
		const { app, hr, teller, cert, sit } = await withCertificate();
		app.clock.advance(DAY);
		await sit(teller, 'spot', true);
		await revokeCertificate(app, hr, cert.id, '证书信息有误');
		const record = await getRecord(app, teller, teller.id);
		expect(record.competencies.find((c) => c.code === 'SAV-COUNTER')!.status).toBe('competent');
		expect(record.certificates[0]!.status).toBe('revoked');
	});
});

describe('who sees what', () => {
	it('lets the holder, their branch manager and HR see the certificate and record; not another branch', async () => {
		const { app, hr, manager, otherManager, teller, colleague, cert } = await withCertificate();
		for (const user of [teller, manager, hr]) {
			expect((await getCertificate(app, user, cert.id)).holder.name).toBe('王芳');
			expect((await getRecord(app, user, teller.id)).person.name).toBe('王芳');
		}
		expect((await getCertificate(app, hr, cert.id)).canRevoke).toBe(true);
		expect((await getCertificate(app, teller, cert.id)).canRevoke).toBe(false);
		for (const user of [otherManager, colleague]) {
			expect(await refusal(async () => await getCertificate(app, user, cert.id))).toBe(
				'error.forbidden'
			);
			expect(await refusal(async () => await getRecord(app, user, teller.id))).toBe(
				'error.forbidden'
			);
		}
	});
});

describe('expiring lists', () => {
	it('lists what lapses within 30 or 60 days for HR, the branch manager and the person', async () => {
		const { app, hr, manager, otherManager, teller, counter } = await competencyWorld();
		// Issued 23 months and 10 days ago for 24 months: lapses in about 20 days.
		const past = { ...app, clock: { now: () => app.clock.now() - 710 * DAY } };
		await inTransaction(app.db, (tx) =>
			issueCertificate(past, tx, { staffId: teller.id, competencyId: counter, attemptId: null })
		);
		// Issued 23 months minus 15 days ago: lapses in about 45 days.
		const later = { ...app, clock: { now: () => app.clock.now() - 685 * DAY } };
		await inTransaction(app.db, (tx) =>
			issueCertificate(later, tx, { staffId: teller.id, competencyId: counter, attemptId: null })
		);
		const in30 = await listExpiring(app, hr, { days: 30 });
		expect(in30.certificates).toHaveLength(1);
		// The later grant is what counts for the competency: it lapses in ~45 days.
		expect(in30.competencies).toHaveLength(0);
		const in60 = await listExpiring(app, hr, { days: 60 });
		expect(in60.certificates).toHaveLength(2);
		expect(in60.competencies).toHaveLength(1);
		expect((await listExpiring(app, manager, { days: 60 })).certificates).toHaveLength(2);
		expect((await listExpiring(app, teller, { days: 60 })).competencies).toHaveLength(1);
		expect(await listExpiring(app, otherManager, { days: 60 })).toMatchObject({
			competencies: [],
			certificates: []
		});
		expect(await refusal(async () => await listExpiring(app, hr, { days: 90 }))).toBe(
			'competency.error.days'
		);
	});
});
