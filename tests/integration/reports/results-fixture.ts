/** The office of ./fixture.ts with exam attempts for the results detail export. */
import { attempt } from '../../../src/lib/server/db/schema';
import type { ResultsFilters } from '../../../src/lib/server/reports/results';
import type { TestApp } from '../../helpers/app';
import { makeExam } from '../../helpers/exams';
import { makeStaff } from '../../helpers/factories';
import { FILTERS, office, reportOffice } from './fixture';

export const RESULTS: ResultsFilters = { ...FILTERS, purpose: null };

/** An exam with no blueprint: these attempts are inserted, never drawn. */
export async function exam(
	app: TestApp,
	title: string,
	purpose: 'certification' | 'practice'
): Promise<number> {
	return await makeExam(app, 0, { title, purpose }, []);
}

export interface Sitting {
	examId: number;
	staffId: number;
	startedAt: number;
	submittedAt: number | null;
	attemptNo?: number;
	score?: number;
	passed?: boolean;
}

/** One attempt as the submit path leaves it (or still open when submittedAt is null). */
export async function sit(app: TestApp, s: Sitting): Promise<void> {
	const score = s.score ?? 80;
	await app.db
		.insert(attempt)
		.values({
			examId: s.examId,
			staffId: s.staffId,
			attemptNo: s.attemptNo ?? 1,
			seed: `seed-${s.staffId}-${s.startedAt}`,
			paper: [],
			status: s.submittedAt === null ? 'open' : 'submitted',
			startedAt: s.startedAt,
			submittedAt: s.submittedAt,
			submittedBy: s.submittedAt === null ? null : 'self',
			score: s.submittedAt === null ? null : score,
			maxScore: 100,
			percent: s.submittedAt === null ? null : score,
			passed: s.submittedAt === null ? null : (s.passed ?? score >= 60)
		})
		.run();
}

/**
 * Range 2026-01..2026-03 (office time). In it, by submission: z1 at the first office minute, a1,
 * z1 at 16:05 UTC (next office day), a2's practice quiz, b1 in S02, a1 at the last office
 * minute. Outside or not submitted: a1 a minute before the range, a1 at 16:00 UTC on the last
 * day (already April in the office), a3's open attempt.
 */
export async function resultsOffice() {
	const o = await reportOffice();
	const { app } = o;
	const cert = await exam(app, '反洗钱认证', 'certification');
	const practice = await exam(app, '柜面练习', 'practice');
	// Employee number with leading zeros; a name that Excel would run as a formula.
	const z1 = await makeStaff(app, {
		branchId: o.s01.id,
		employeeNo: '00123',
		name: '=HYPERLINK("x")'
	});
	const at = (iso: string): number => Date.parse(iso);
	await sit(app, {
		examId: cert,
		staffId: o.a1.id,
		startedAt: office('2025-12-31', '23:00'),
		submittedAt: office('2025-12-31', '23:59')
	});
	await sit(app, {
		examId: cert,
		staffId: z1.id,
		startedAt: office('2025-12-31', '23:40'),
		submittedAt: office('2026-01-01', '00:00'),
		score: 55
	});
	await sit(app, {
		examId: cert,
		staffId: o.a1.id,
		startedAt: office('2026-01-10', '09:00'),
		submittedAt: office('2026-01-10', '09:30'),
		score: 72.5
	});
	await sit(app, {
		examId: cert,
		staffId: z1.id,
		attemptNo: 2,
		startedAt: at('2026-02-10T15:40:00Z'),
		submittedAt: at('2026-02-10T16:05:00Z')
	});
	await sit(app, {
		examId: practice,
		staffId: o.a2.id,
		startedAt: office('2026-02-11', '10:00'),
		submittedAt: office('2026-02-11', '10:20'),
		score: 40
	});
	await sit(app, {
		examId: cert,
		staffId: o.b1.id,
		startedAt: office('2026-03-05', '14:00'),
		submittedAt: office('2026-03-05', '14:45')
	});
	await sit(app, {
		examId: cert,
		staffId: o.a1.id,
		attemptNo: 2,
		startedAt: at('2026-03-31T15:00:00Z'),
		submittedAt: at('2026-03-31T15:59:00Z')
	});
	await sit(app, {
		examId: practice,
		staffId: o.a1.id,
		startedAt: at('2026-03-31T15:50:00Z'),
		submittedAt: at('2026-03-31T16:00:00Z')
	});
	await sit(app, {
		examId: cert,
		staffId: o.a3.id,
		startedAt: office('2026-02-01'),
		submittedAt: null
	});
	return { ...o, cert, practice, z1 };
}
