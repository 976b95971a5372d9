import { requireUser } from '../auth/guards';
import { canSeeBranch } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { CertificateStatus } from '../../competency/enums';
import type { AppContext } from '../context';
import { addDays, yearOf } from '../../time/days';
import { officeDay } from '../../time/office';
import type { Certificate, CompetencyEvent } from '../db/schema';
import { Forbidden, NotFound } from '../errors';
import { getStaffHours } from '../hours/service';
import type { Standing } from '../hours/service';
import { selectStaffRow, selectStaffRowById } from '../org/service';
import * as data from './data';
import type { EvidenceLabel } from '../../competency/evidence-label';
import { evidenceLabel } from './evidence-label';
import { deriveStanding, isExpiringWithin, type CompetencyStanding } from './status';

export interface RecordRow extends Omit<CompetencyStanding, 'evidence'> {
	/** The evidence, with what a person reads for it (a certificate number, an exam and day). */
	evidence: { type: string; ref: string; label: EvidenceLabel | null } | null;
	competencyId: number;
	code: string;
	name: string;
	/** Lapses within 60 days: the page shows a notice. */
	expiringSoon: boolean;
}

export interface RecordView {
	person: { id: number; name: string; employeeNo: string; branchName: string; position: string };
	today: string;
	competencies: RecordRow[];
	/** Newest first, with the competency's name. */
	history: (CompetencyEvent & { competencyName: string; evidenceLabel: EvidenceLabel | null })[];
	hours: { year: number; standing: Standing };
	exams: Awaited<ReturnType<typeof data.selectExamHistory>>;
	certificates: (Certificate & {
		competencyName: string;
		status: CertificateStatus;
	})[];
}

/** Groups events by competency id. */
export function eventsByCompetency(events: CompetencyEvent[]): Map<number, CompetencyEvent[]> {
	const map = new Map<number, CompetencyEvent[]>();
	for (const e of events) map.set(e.competencyId, [...(map.get(e.competencyId) ?? []), e]);
	return map;
}

/** The competency record (员工能力档案): the person themselves, their branch manager, or HR. */
export async function getRecord(
	ctx: AppContext,
	user: SessionUser | null,
	staffId: number
): Promise<RecordView> {
	const actor = requireUser(user);
	const person = await selectStaffRowById(ctx.db, staffId);
	if (!person) throw new NotFound(`staff ${staffId}`);
	if (actor.id !== staffId && !canSeeBranch(actor, person.branchId))
		throw new Forbidden('record of another branch');
	const today = officeDay(ctx.clock.now());
	const horizon = addDays(today, 60);
	const competencies = await data.selectCompetencies(ctx.db);
	const names = new Map(competencies.map((c) => [c.id, c.name]));
	const events = await data.selectEvents(ctx.db, [staffId]);
	const byCompetency = eventsByCompetency(events);
	const exams = await data.selectExamHistory(ctx.db, staffId);
	const certificates = await data.selectCertificatesOf(ctx.db, staffId);
	const label = (ref: string): EvidenceLabel | null => evidenceLabel(ref, { exams, certificates });
	const rows = competencies.map((c) => {
		const standing = deriveStanding(byCompetency.get(c.id) ?? [], today);
		return {
			competencyId: c.id,
			code: c.code,
			name: c.name,
			...standing,
			evidence: standing.evidence && { ...standing.evidence, label: label(standing.evidence.ref) },
			expiringSoon: isExpiringWithin(standing, today, horizon)
		};
	});
	const year = yearOf(today);
	// getStaffHours checks its own access; a branch manager or HR who reached here may see hours.
	const hours = await getStaffHours(ctx, actor, staffId, year);
	return {
		person: {
			id: person.id,
			name: person.name,
			employeeNo: person.employeeNo,
			branchName: person.branchName,
			position: person.position
		},
		today,
		competencies: rows,
		history: events
			.map((e) => ({
				...e,
				competencyName: names.get(e.competencyId) ?? '',
				evidenceLabel: label(e.evidenceRef)
			}))
			.reverse(),
		hours: { year, standing: hours.standing },
		exams,
		certificates: certificates.map((c) => ({
			...c,
			competencyName: names.get(c.competencyId) ?? '',
			status: c.revokedAt !== null ? 'revoked' : c.expiresOn < today ? 'expired' : 'valid'
		}))
	};
}

/** The record looked up by employee number, for the manage pages. */
export async function getRecordByEmployeeNo(
	ctx: AppContext,
	user: SessionUser | null,
	employeeNo: string
): Promise<RecordView> {
	requireUser(user);
	const id = (await selectStaffRow(ctx.db, employeeNo))?.id;
	if (id === undefined) throw new NotFound(`staff ${employeeNo}`);
	return await getRecord(ctx, user, id);
}
