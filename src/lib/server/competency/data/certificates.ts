/** Certificates: issued once, revoked once, never edited. */
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { certificate, staff, type Certificate } from '../../db/schema';

export async function insertCertificate(
	db: Db,
	row: typeof certificate.$inferInsert
): Promise<Certificate> {
	return await inserted(db.insert(certificate).values(row).returning());
}

export async function selectCertificateById(db: Db, id: number): Promise<Certificate | undefined> {
	return await first(db.select().from(certificate).where(eq(certificate.id, id)));
}

export async function selectCertificateByCode(
	db: Db,
	code: string
): Promise<Certificate | undefined> {
	return await first(db.select().from(certificate).where(eq(certificate.verificationCode, code)));
}

export async function selectCertificatesOf(db: Db, staffId: number): Promise<Certificate[]> {
	return await db
		.select()
		.from(certificate)
		.where(eq(certificate.staffId, staffId))
		.orderBy(desc(certificate.issuedOn), desc(certificate.id));
}

/** Unrevoked certificates lapsing between two days, optionally in some branches. */
export async function selectCertificatesExpiring(
	db: Db,
	from: string,
	to: string,
	branchIds: number[] | null
) {
	const conditions = [
		gte(certificate.expiresOn, from),
		lte(certificate.expiresOn, to),
		isNull(certificate.revokedAt)
	];
	if (branchIds !== null) conditions.push(inArray(staff.branchId, branchIds));
	return await db
		.select({ certificate, staffName: staff.name, employeeNo: staff.employeeNo })
		.from(certificate)
		.innerJoin(staff, eq(staff.id, certificate.staffId))
		.where(and(...conditions))
		.orderBy(asc(certificate.expiresOn));
}

/** Sets the revocation once; false when it was already revoked (the caller reports it). */
export async function markRevoked(
	db: Db,
	id: number,
	set: { revokedAt: number; revokedBy: number; revokeReason: string }
): Promise<boolean> {
	return (
		(
			await db
				.update(certificate)
				.set(set)
				.where(and(eq(certificate.id, id), isNull(certificate.revokedAt)))
		).changes > 0
	);
}

/** The highest serial issued in a year, from numbers shaped QF-YYYY-NNNNNN. */
export async function selectMaxSerial(db: Db, year: number): Promise<number> {
	const row = await first(db
		.select({ n: sql<number | null>`max(cast(substr(${certificate.number}, 9) as integer))` })
		.from(certificate)
		.where(sql`${certificate.number} like ${`QF-${year}-%`}`));
	return row?.n ?? 0;
}
