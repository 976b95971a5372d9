import { recordAuditIn } from '../audit/service';
import { requireUser } from '../auth/guards';
import { canRevokeCertificate, canSeeBranch, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { CertificateStatus } from '../../competency/enums';
import type { AppContext } from '../context';
import { addMonths, yearOf } from '../../time/days';
import { officeDay } from '../../time/office';
import { inTransaction, type Tx } from '../db';
import type { Certificate } from '../db/schema';
import { Forbidden, Invalid, NotFound } from '../errors';
import { selectStaffRowById } from '../org/service';
import * as data from './data';
import { grantCompetency } from './grants';

/** Fills a buffer with random bytes; crypto in production, a seeded stub in tests and the demo. */
export type RandomSource = (bytes: Uint8Array) => void;

export const cryptoRandom: RandomSource = (bytes) => {
	crypto.getRandomValues(bytes);
};

// No 0/O/1/I/L: the code is read aloud and typed from paper.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 20;

/** 20 characters from a 31-letter alphabet: about 99 bits, far beyond guessing. */
export function makeVerificationCode(random: RandomSource): string {
	const bytes = new Uint8Array(CODE_LENGTH * 2);
	random(bytes);
	let code = '';
	for (let i = 0; code.length < CODE_LENGTH && i < bytes.length; i++) {
		const b = bytes[i]!;
		// Rejection sampling keeps every letter equally likely (248 = 8 × 31).
		if (b < 248) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
	}
	if (code.length < CODE_LENGTH) return makeVerificationCode(random);
	return code;
}

/**
 * Issues a certificate for a passed certification exam and grants its competency, inside the
 * caller's transaction `tx`.
 * Number QF-<year>-<serial>, valid from today for the competency's validity.
 */
export async function issueCertificate(
	ctx: AppContext,
	tx: Tx,
	input: { staffId: number; competencyId: number; attemptId: number | null },
	random: RandomSource = cryptoRandom
): Promise<Certificate> {
	const comp = await data.selectCompetencyById(tx, input.competencyId);
	if (!comp) throw new NotFound(`competency ${input.competencyId}`);
	const now = ctx.clock.now();
	const issuedOn = officeDay(now);
	const year = yearOf(issuedOn);
	const serial = (await data.selectMaxSerial(tx, year)) + 1;
	const cert = await data.insertCertificate(tx, {
		number: `QF-${year}-${String(serial).padStart(6, '0')}`,
		staffId: input.staffId,
		competencyId: comp.id,
		attemptId: input.attemptId,
		issuedOn,
		expiresOn: addMonths(issuedOn, comp.validityMonths),
		verificationCode: makeVerificationCode(random),
		createdAt: now
	});
	await grantCompetency(ctx, tx, {
		staffId: input.staffId,
		competencyId: comp.id,
		evidence: { type: 'certificate', ref: `certificate:${cert.id}` }
	});
	return cert;
}

export interface CertificateView {
	certificate: Certificate;
	holder: { name: string; employeeNo: string; branchName: string };
	competencyName: string;
	status: CertificateStatus;
	canRevoke: boolean;
}

function statusOf(cert: Certificate, today: string): CertificateView['status'] {
	if (cert.revokedAt !== null) return 'revoked';
	return cert.expiresOn < today ? 'expired' : 'valid';
}

/** One certificate: its holder, their branch manager, or HR/admin. */
export async function getCertificate(
	ctx: AppContext,
	user: SessionUser | null,
	id: number
): Promise<CertificateView> {
	const actor = requireUser(user);
	const cert = await data.selectCertificateById(ctx.db, id);
	if (!cert) throw new NotFound(`certificate ${id}`);
	const holder = await selectStaffRowById(ctx.db, cert.staffId);
	if (!holder) throw new NotFound(`staff ${cert.staffId}`);
	if (actor.id !== cert.staffId && !canSeeBranch(actor, holder.branchId))
		throw new Forbidden('certificate of another branch');
	const competency = await data.selectCompetencyById(ctx.db, cert.competencyId);
	return {
		certificate: cert,
		holder: { name: holder.name, employeeNo: holder.employeeNo, branchName: holder.branchName },
		competencyName: competency?.name ?? '',
		status: statusOf(cert, officeDay(ctx.clock.now())),
		canRevoke: canRevokeCertificate(actor)
	};
}

/** Revokes a certificate with a reason (HR/admin); revoking twice is refused, nothing changes. */
export async function revokeCertificate(
	ctx: AppContext,
	user: SessionUser | null,
	id: number,
	reason: string
): Promise<void> {
	const actor = requirePermission(user, canRevokeCertificate, 'revokes certificates');
	const why = reason.trim();
	if (!why) throw new Invalid([{ key: 'competency.error.reasonRequired', field: 'reason' }]);
	if (why.length > 500)
		throw new Invalid([{ key: 'competency.error.reasonLong', field: 'reason' }]);
	await inTransaction(ctx.db, async (tx) => {
		const cert = await data.selectCertificateById(tx, id);
		if (!cert) throw new NotFound(`certificate ${id}`);
		const now = ctx.clock.now();
		if (
			!(await data.markRevoked(tx, id, { revokedAt: now, revokedBy: actor.id, revokeReason: why }))
		)
			throw new Invalid([{ key: 'competency.error.alreadyRevoked' }]);
		// The competency goes with it, as a new event, when this certificate's grant is the one in
		// force; a later grant (a newer certificate, a passed spot exam) is left standing.
		const grants = (await data.selectEvents(tx, [cert.staffId])).filter(
			(e) => e.competencyId === cert.competencyId && e.kind === 'granted'
		);
		if (grants.at(-1)?.evidenceRef === `certificate:${id}`)
			await data.insertEvent(tx, {
				staffId: cert.staffId,
				competencyId: cert.competencyId,
				kind: 'revoked',
				validUntil: null,
				evidenceType: 'certificate',
				evidenceRef: `certificate:${id}`,
				note: why,
				occurredAt: now,
				recordedBy: actor.id
			});
		await recordAuditIn(ctx, tx, {
			action: 'certificate.revoke',
			actorStaffId: actor.id,
			target: `certificate:${id}`,
			detail: { reason: why }
		});
	});
}

export interface Verification {
	status: CertificateStatus | 'unknown';
	name: string | null;
	number: string | null;
	competency: string | null;
	issuedOn: string | null;
	expiresOn: string | null;
}

const CODE_SHAPE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/**
 * The public check behind /verify/<code>: status, name and the certificate's facts, nothing
 * else. An unknown code answers with the same keys, all null, after the same lookup work, so
 * the page tells nothing about which codes exist.
 */
export async function verifyCertificate(ctx: AppContext, code: string): Promise<Verification> {
	const normalised = code.trim().toUpperCase();
	// A malformed code still runs the same indexed lookup (with a value that cannot match), so
	// timing does not separate "badly formed" from "well formed but unknown".
	const cert = await data.selectCertificateByCode(
		ctx.db,
		CODE_SHAPE.test(normalised) ? normalised : '-'
	);
	// The follow-up lookups run for unknown codes too (with ids that match nothing): same work.
	const holder = await selectStaffRowById(ctx.db, cert?.staffId ?? -1);
	const competency = await data.selectCompetencyById(ctx.db, cert?.competencyId ?? -1);
	if (!cert || !holder) {
		return {
			status: 'unknown',
			name: null,
			number: null,
			competency: null,
			issuedOn: null,
			expiresOn: null
		};
	}
	return {
		status: statusOf(cert, officeDay(ctx.clock.now())),
		name: holder.name,
		number: cert.number,
		competency: competency?.name ?? null,
		issuedOn: cert.issuedOn,
		expiresOn: cert.expiresOn
	};
}
