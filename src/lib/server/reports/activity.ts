/**
 * Classroom training activity by month: sessions held (with someone present), person-times
 * (人次), different people, enrolments and the attendance rate (enrolled people present ÷
 * enrolments of sessions held). Person-times are the classroom domain's `countPersonTimes`. With a
 * branch, everything counts that branch's staff only; the position filter does not apply.
 */
import { countPersonTimes } from '../classroom/learner';
import { addDays, addMonths } from '../dates';
import { countEnrolments } from './activity-queries';
import { officeStartOf } from './certification-queries';
import { monthsOf } from './filters';
import { col, rate, type ReportBuilder } from './report';

const COLUMNS = [
	col('month', 'text'),
	col('sessions', 'int'),
	col('personTimes', 'int'),
	col('people', 'int'),
	col('enrolled', 'int'),
	col('attendanceRate', 'rate')
];

export const activityReport: ReportBuilder = (ctx, scope) => {
	const branchId = scope.branch?.id;
	const nowMs = ctx.clock.now();
	const rows = monthsOf(scope.filters.from, scope.filters.to).map((month) => {
		const first = `${month}-01`;
		const next = addMonths(first, 1);
		const held = countPersonTimes(ctx, {
			from: first,
			to: addDays(next, -1),
			...(branchId !== undefined ? { branchId } : {})
		});
		const enrolments = countEnrolments(ctx.db, {
			fromMs: officeStartOf(first),
			toMs: officeStartOf(next),
			nowMs,
			...(branchId !== undefined ? { branchId } : {})
		});
		return {
			month,
			sessions: held.sessions,
			personTimes: held.personTimes,
			people: held.people,
			enrolled: enrolments.enrolled,
			attendanceRate: rate(enrolments.attended, enrolments.enrolled)
		};
	});
	return { columns: COLUMNS, rows, trend: null };
};
