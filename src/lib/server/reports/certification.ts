/**
 * Certification exams by exam × branch: people who sat (a submitted attempt in the range), people
 * who passed (any attempt in the range passed: the final result per person), and the pass rate;
 * with the pass rate per attempt by month as the trend (./certification-trend.ts).
 */
import { addDays } from '../../time/days';
import { officeDayStart } from '../../time/office';
import { selectCertificationFacts, type CertificationFact } from './data';
import { certificationTrend } from './certification-trend';
import { dayRange } from './filters';
import { col, coveredBranchIds, type ReportBuilder } from './report';
import { rate } from '../../reports/rate';
import { readHandle } from '../context';

const COLUMNS = [
	col('exam', 'text'),
	col('branchCode', 'code'),
	col('branchName', 'text'),
	col('attempts', 'int'),
	col('sat', 'int'),
	col('passed', 'int'),
	col('failed', 'int'),
	col('passRate', 'rate')
];

export const certificationReport: ReportBuilder = async (ctx, scope) => {
	const { filters } = scope;
	const { fromDay, toDay } = dayRange(filters.from, filters.to);
	const facts = await selectCertificationFacts(readHandle(ctx), {
		fromMs: officeDayStart(fromDay),
		toMs: officeDayStart(addDays(toDay, 1)),
		branchIds: coveredBranchIds(scope),
		position: filters.position
	});
	// Facts arrive ordered by exam, then branch code: consecutive runs are the groups.
	const groups: CertificationFact[][] = [];
	for (const f of facts) {
		const last = groups[groups.length - 1];
		if (last && last[0]!.examId === f.examId && last[0]!.branchId === f.branchId) last.push(f);
		else groups.push([f]);
	}
	const rows = groups.map((g) => {
		const first = g[0]!;
		const passed = g.filter((f) => f.passed).length;
		return {
			exam: first.examTitle,
			branchCode: first.branchCode,
			branchName: first.branchName,
			attempts: g.reduce((n, f) => n + f.attempts, 0),
			sat: g.length,
			passed,
			failed: g.length - passed,
			passRate: rate(passed, g.length)
		};
	});
	return { columns: COLUMNS, rows, trend: await certificationTrend(readHandle(ctx), scope) };
};
