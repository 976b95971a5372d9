/**
 * Classroom training activity by month: sessions held (with someone present), person-times
 * (人次), different people, enrolments and the attendance rate (enrolled people present ÷
 * enrolments of sessions held). Person-times are the classroom domain's `countPersonTimes`. With a
 * branch and/or a position, everything counts only staff of that branch and position on the
 * session's day (a later transfer does not move past activity), and a session is held when at
 * least one of them was present.
 */
import { countPersonTimes } from '../classroom/service';
import { addDays, addMonths } from '../../time/days';
import { officeDayStart } from '../../time/office';
import { countEnrolments } from './data';
import { monthsOf } from './filters';
import { col, type ReportBuilder } from './report';
import { rate } from '../../reports/rate';
import { readHandle } from '../context';

const COLUMNS = [
	col('month', 'month'),
	col('sessions', 'int'),
	col('personTimes', 'int'),
	col('people', 'int'),
	col('enrolled', 'int'),
	col('attendanceRate', 'rate')
];

export const activityReport: ReportBuilder = async (ctx, scope) => {
	// Filters that do not apply stay absent: the counters read undefined as "everyone".
	const branchId = scope.branch?.id;
	const position = scope.filters.position ?? undefined;
	const nowMs = ctx.clock.now();
	const rows = [];
	for (const month of monthsOf(scope.filters.from, scope.filters.to)) {
		const first = `${month}-01`;
		const next = addMonths(first, 1);
		const held = await countPersonTimes(ctx, {
			from: first,
			to: addDays(next, -1),
			branchId,
			position
		});
		const enrolments = await countEnrolments(readHandle(ctx), {
			fromMs: officeDayStart(first),
			toMs: officeDayStart(next),
			nowMs,
			branchId,
			position
		});
		rows.push({
			month,
			sessions: held.sessions,
			personTimes: held.personTimes,
			people: held.people,
			enrolled: enrolments.enrolled,
			attendanceRate: rate(enrolments.attended, enrolments.enrolled)
		});
	}
	return { columns: COLUMNS, rows, trend: null };
};
