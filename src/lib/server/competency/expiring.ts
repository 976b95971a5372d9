import { requireUser } from '../auth/guards';
import { branchScope, canSeeBranchStaff } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { addDays } from '../../time/days';
import { officeDay } from '../../time/office';
import { Invalid } from '../errors';
import { selectStaffNamesIn } from '../org/service';
import * as data from './data';
import { eventsByCompetency } from './record';
import { deriveStanding, isExpiringWithin } from './status';

export interface ExpiringCompetency {
	staffId: number;
	staffName: string;
	competencyId: number;
	competencyName: string;
	until: string;
}

export interface ExpiringCertificate {
	id: number;
	number: string;
	staffId: number;
	staffName: string;
	employeeNo: string;
	competencyName: string;
	expiresOn: string;
}

export interface ExpiringLists {
	days: 30 | 60;
	competencies: ExpiringCompetency[];
	certificates: ExpiringCertificate[];
}

/**
 * Competencies and certificates lapsing within 30 or 60 days: HR/admin see everyone, a branch
 * manager their branch, anyone else themselves.
 */
export async function listExpiring(
	ctx: AppContext,
	user: SessionUser | null,
	input: { days: number }
): Promise<ExpiringLists> {
	const actor = requireUser(user);
	if (input.days !== 30 && input.days !== 60)
		throw new Invalid([{ key: 'competency.error.days', field: 'days' }]);
	const managing = canSeeBranchStaff(actor);
	const branches = managing ? branchScope(actor) : [actor.branchId];
	const people = managing
		? await selectStaffNamesIn(ctx.db, branches)
		: new Map([[actor.id, actor.name]]);
	const today = officeDay(ctx.clock.now());
	const horizon = addDays(today, input.days);
	const names = new Map((await data.selectCompetencies(ctx.db)).map((c) => [c.id, c.name]));
	const scope = branches === null ? null : [...people.keys()];
	const byStaff = new Map<number, Awaited<ReturnType<typeof data.selectEvents>>>();
	for (const e of await data.selectEvents(ctx.db, scope)) {
		byStaff.set(e.staffId, [...(byStaff.get(e.staffId) ?? []), e]);
	}
	const competencies: ExpiringCompetency[] = [];
	for (const [staffId, events] of byStaff) {
		for (const [competencyId, list] of eventsByCompetency(events)) {
			const standing = deriveStanding(list, today);
			if (!isExpiringWithin(standing, today, horizon)) continue;
			competencies.push({
				staffId,
				staffName: people.get(staffId) ?? '',
				competencyId,
				competencyName: names.get(competencyId) ?? '',
				until: standing.until!
			});
		}
	}
	competencies.sort((a, b) => a.until.localeCompare(b.until) || a.staffId - b.staffId);
	const certificates = (await data.selectCertificatesExpiring(ctx.db, today, horizon, branches))
		.filter((r) => managing || r.certificate.staffId === actor.id)
		.map((r) => ({
			id: r.certificate.id,
			number: r.certificate.number,
			staffId: r.certificate.staffId,
			staffName: r.staffName,
			employeeNo: r.employeeNo,
			competencyName: names.get(r.certificate.competencyId) ?? '',
			expiresOn: r.certificate.expiresOn
		}));
	return { days: input.days, competencies, certificates };
}
