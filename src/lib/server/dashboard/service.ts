/**
 * The HR and branch-manager home: a handful of counts drawn from the domains' own services, so
 * every number here is the same one the full pages and reports show. Each service call checks
 * scope itself; a branch manager gets their branch, HR and admin the whole office.
 */
import type { Rate } from '../../reports/rate';
import type { TrendPoint } from '../../reports/types';
import { canSeeReports, isOfficeWide, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/service';
import { listExpiring } from '../competency/expiring';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import { currentYear, listHoursStanding } from '../hours/service';
import { getOnboardingRate } from '../onboarding/service';
import { getStaffFilterOptions } from '../org/service';
import { parseReportFilters, runReportAsync } from '../reports/service';
import { listCampaigns } from '../spot/views';

export interface DashboardCampaign {
	id: number;
	title: string;
	examTitle: string;
	drawn: number;
	sat: number;
	pending: number;
	passRate: Rate;
	participation: Rate;
}

export interface ExpiringSoon {
	employeeNo: string;
	staffName: string;
	competencyName: string;
	expiresOn: string;
}

export interface Dashboard {
	/** Null for the whole office; the manager's branch otherwise. */
	branch: { code: string; name: string } | null;
	campaigns: DashboardCampaign[];
	trend: TrendPoint[] | null;
	hours: { year: number; staff: number; complete: number; behind: number; onPace: number };
	onboarding: {
		rate: Rate;
		inProgress: number;
		overdue: number;
	};
	expiring: { certificates: number; competencies: number; soon: ExpiringSoon[] };
}

// The home lists only the first few; the competency pages have the rest.
const SOON_LIMIT = 5;

/** This month's spot campaigns, the year's pass-rate trend, hours, onboarding and expiries. */
export async function getDashboard(ctx: AppContext, user: SessionUser | null): Promise<Dashboard> {
	const actor = requirePermission(user, canSeeReports, 'reads reports');
	const today = officeDay(ctx.clock.now());
	const month = today.slice(0, 7);
	// A manager's filter options hold exactly their own branch.
	const branch = isOfficeWide(actor)
		? null
		: ((await getStaffFilterOptions(ctx, actor)).branches[0] ?? null);

	const campaigns = (await listCampaigns(ctx, actor))
		.filter((c) => c.campaign.month === month)
		.map((c) => ({
			id: c.campaign.id,
			title: c.campaign.title,
			examTitle: c.examTitle,
			drawn: c.tally.drawn,
			sat: c.tally.sat,
			pending: c.tally.pending,
			passRate: c.tally.passRate,
			participation: c.tally.participation
		}));

	// Default filters are the 12 months to this one; grouped by month, the rows stay few.
	const filters = {
		...parseReportFilters(new URLSearchParams(), today),
		groupBy: 'month' as const
	};
	// On the report worker, like the report page: a home page must not hold up examinees.
	const trend = (await runReportAsync(ctx, actor, 'pass-rates', filters)).trend;

	const year = currentYear(ctx);
	const standing = (await listHoursStanding(ctx, actor, year)).map((r) => r.standing);
	const complete = standing.filter((s) => s.complete).length;
	const behind = standing.filter((s) => !s.complete && s.behindPace).length;

	const from = `${year}-01-01`;
	const { counts, rate, overdue } = await getOnboardingRate(ctx, actor, { from, to: today });

	const expiring = await listExpiring(ctx, actor, { days: 30 });
	return {
		branch,
		campaigns,
		trend,
		hours: {
			year,
			staff: standing.length,
			complete,
			behind,
			onPace: standing.length - complete - behind
		},
		onboarding: {
			rate,
			inProgress: counts.inProgress,
			// Every open plan past due now, whenever it started: who needs chasing today.
			overdue: overdue.length
		},
		expiring: {
			certificates: expiring.certificates.length,
			competencies: expiring.competencies.length,
			soon: expiring.certificates.slice(0, SOON_LIMIT).map((c) => ({
				employeeNo: c.employeeNo,
				staffName: c.staffName,
				competencyName: c.competencyName,
				expiresOn: c.expiresOn
			}))
		}
	};
}
