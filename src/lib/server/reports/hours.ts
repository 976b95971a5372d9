/**
 * Class hours for the year of the range's last month, one row per person: hours earned by kind
 * against the requirement, what is still owed and whether the person is behind pace. The rules
 * are the hours domain's `listHoursStanding`; this file only narrows and lays out.
 */
import { listHoursStanding } from '../hours/service';
import { col, type ReportBuilder } from './report';

const COLUMNS = [
	col('employeeNo', 'code'),
	col('name', 'text'),
	col('branchCode', 'code'),
	col('branchName', 'text'),
	col('position', 'text'),
	col('remote', 'hours'),
	col('centralized', 'hours'),
	col('selfStudy', 'hours'),
	col('onboarding', 'hours'),
	col('remoteRequired', 'hours'),
	col('centralizedRequired', 'hours'),
	col('remoteRemaining', 'hours'),
	col('centralizedRemaining', 'hours'),
	col('behindPace', 'flag')
];

export const hoursReport: ReportBuilder = async (ctx, scope) => {
	const { filters } = scope;
	const year = Number(filters.to.slice(0, 4));
	const standing = await listHoursStanding(
		ctx,
		scope.viewer,
		year,
		scope.branch ? { branchId: scope.branch.id } : {}
	);
	const rows = standing
		.filter((r) => filters.position === null || r.position === filters.position)
		.map(({ employeeNo, name, branchCode, branchName, position, standing: s }) => ({
			employeeNo,
			name,
			branchCode,
			branchName,
			position,
			remote: s.earned.remote,
			centralized: s.earned.centralized,
			selfStudy: s.earned.self_study,
			onboarding: s.earned.onboarding,
			remoteRequired: s.required.remote,
			centralizedRequired: s.required.centralized,
			remoteRemaining: s.remaining.remote,
			centralizedRemaining: s.remaining.centralized,
			behindPace: s.behindPace ? 1 : 0
		}));
	return { columns: COLUMNS, rows, trend: null };
};
