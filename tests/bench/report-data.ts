// Fills a seeded bench database with three years of exam history for the report figures:
// BENCH_ATTEMPTS (default 5,000,000) submitted attempts by the 2,000 bench staff spread over 35
// branches. Shaped like the office: a monthly spot campaign (10 % of each branch drawn, one
// alternate, some absent or exempt, failures retested), yearly certification exams, and practice
// quizzes making up the rest. Generated, never committed: raw multi-row inserts in large
// transactions with the journal off and attempt's indexes dropped and rebuilt after (building an
// index once from sorted data beats updating it 5 million times in random order).
import Database from 'better-sqlite3';
import { openSqlite } from '../../src/lib/server/db/sqlite';
import { rebuildAttemptSummary } from '../../src/lib/server/reports/attempt-summary';
import { OFFICE_UTC_OFFSET_MS } from '../../src/lib/time/office';

export const BRANCHES = 35;
const POSITIONS = ['储蓄员', '综合柜员', '理财经理', '营业主管'];
const PRACTICE_EXAMS = 20;
const CERTIFICATION_EXAMS = 4;
const MONTHS = 36;
const DAY = 86_400_000;
const ROWS_PER_INSERT = 100;

export interface ReportData {
	attempts: number;
	spotAttempts: number;
	campaigns: number;
	fromMonth: string;
	toMonth: string;
	seconds: number;
}

/** mulberry32: fast and seeded, so every run generates the same history. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** Office midnight starting day `day` (1-based) of month index `m` counted from 1970-01. */
function officeTime(m: number, day: number): number {
	return Date.UTC(1970, m, day) - OFFICE_UTC_OFFSET_MS;
}

function monthName(m: number): string {
	return new Date(Date.UTC(1970, m, 1)).toISOString().slice(0, 7);
}

export async function generateReportData(
	file: string,
	staffCount: number,
	total: number,
	now = Date.now()
): Promise<ReportData> {
	const started = performance.now();
	const db = new Database(file);
	// A throwaway file: nothing here needs to survive a crash, only to be written fast.
	db.pragma('journal_mode = DELETE');
	db.pragma('journal_mode = OFF');
	db.pragma('synchronous = OFF');
	db.pragma('foreign_keys = OFF');
	db.pragma('cache_size = -262144');
	const random = rng(20_240_601);

	const staffBranch = new Int32Array(staffCount + 1);
	db.transaction(() => {
		const insBranch = db.prepare(
			`insert into branch (code, name, type, created_at) values (?, ?, ?, ?)`
		);
		for (let b = 2; b <= BRANCHES; b++) {
			const code = `B${String(b - 1).padStart(2, '0')}`;
			insBranch.run(code, `第${b - 1}支局`, b % 3 ? 'urban' : 'rural', now);
		}
		const setStaff = db.prepare('update staff set branch_id = ?, position = ? where id = ?');
		for (let id = 1; id <= staffCount; id++) {
			staffBranch[id] = 1 + ((id - 1) % BRANCHES);
			setStaff.run(staffBranch[id], POSITIONS[id % POSITIONS.length], id);
		}
	})();

	const insExam = db.prepare(
		`insert into exam_definition (title, purpose, blueprint, time_limit_minutes, pass_mark, review_policy, created_at, updated_at)
		 values (?, ?, '[]', 60, 60, 'score_only', ?, ?)`
	);
	const exam = (title: string, purpose: string): number =>
		Number(insExam.run(title, purpose, now, now).lastInsertRowid);
	const spotExam = exam('月度抽考', 'spot');
	const certExams = Array.from({ length: CERTIFICATION_EXAMS }, (_, i) =>
		exam(`岗位资格认证 ${i + 1}`, 'certification')
	);
	const practiceExams = Array.from({ length: PRACTICE_EXAMS }, (_, i) =>
		exam(`练习 ${i + 1}`, 'practice')
	);

	const attemptIndexes = db
		.prepare(
			`select name, sql from sqlite_master where type = 'index' and tbl_name = 'attempt' and sql is not null`
		)
		.all() as { name: string; sql: string }[];
	for (const ix of attemptIndexes) db.exec(`drop index "${ix.name}"`);

	const COLS = 9; // the ? in `one`
	const one = `(?, ?, ?, 'g', '[]', 'submitted', ?, ?, 0, ?, 'self', ?, 100, ?, ?)`;
	const many = db.prepare(
		`insert into attempt (exam_id, staff_id, attempt_no, seed, paper, status, started_at, deadline, extra_time_ms, submitted_at, submitted_by, score, max_score, percent, passed)
		 values ${Array(ROWS_PER_INSERT).fill(one).join(', ')}`
	);
	const single = db.prepare(
		`insert into attempt (exam_id, staff_id, attempt_no, seed, paper, status, started_at, deadline, extra_time_ms, submitted_at, submitted_by, score, max_score, percent, passed)
		 values ${one}`
	);
	const buffer: number[] = [];
	let written = 0;
	const flush = (): void => {
		for (let i = 0; i + ROWS_PER_INSERT * COLS <= buffer.length; i += ROWS_PER_INSERT * COLS) {
			many.run(buffer.slice(i, i + ROWS_PER_INSERT * COLS));
		}
		const rest = buffer.length % (ROWS_PER_INSERT * COLS);
		for (let i = buffer.length - rest; i < buffer.length; i += COLS) {
			single.run(buffer.slice(i, i + COLS));
		}
		buffer.length = 0;
	};
	const add = (
		examId: number,
		staffId: number,
		attemptNo: number,
		startedAt: number,
		passed: boolean
	): void => {
		const percent = passed ? 60 + Math.floor(random() * 41) : Math.floor(random() * 60);
		const submittedAt = startedAt + 600_000 + Math.floor(random() * 2_400_000);
		buffer.push(
			examId,
			staffId,
			attemptNo,
			startedAt,
			startedAt + 3_600_000,
			submittedAt,
			percent,
			percent,
			passed ? 1 : 0
		);
		written++;
		if (buffer.length >= 2_000 * ROWS_PER_INSERT) flush();
	};

	// Monthly spot campaigns for the 36 months before this one.
	const thisMonth =
		(new Date(now + OFFICE_UTC_OFFSET_MS).getUTCFullYear() - 1970) * 12 +
		new Date(now + OFFICE_UTC_OFFSET_MS).getUTCMonth();
	const firstMonth = thisMonth - MONTHS;
	const byBranch: number[][] = Array.from({ length: BRANCHES + 1 }, () => []);
	for (let id = 1; id <= staffCount; id++) byBranch[staffBranch[id]!]!.push(id);
	const spotTries = new Int32Array(staffCount + 1);
	const insCampaign = db.prepare(
		`insert into spot_campaign (exam_id, title, month, window_opens_at, window_closes_at, positions, branch_ids, sample_mode, sample_value, exclude_months, alternates_per_branch, retests_allowed, created_at)
		 values (?, ?, ?, ?, ?, '[]', '[]', 'percent', 10, 0, 1, 1, ?)`
	);
	const insDraw = db.prepare(
		`insert into spot_draw (campaign_id, seed, drawn_at) values (?, 'bench', ?)`
	);
	const insAssignment = db.prepare(
		`insert into spot_assignment (draw_id, staff_id, branch_id, role, rank) values (?, ?, ?, ?, ?)`
	);
	const insEvent = db.prepare(
		`insert into spot_event (assignment_id, kind, reason, recorded_at) values (?, ?, '', ?)`
	);
	db.transaction(() => {
		for (let m = firstMonth; m < thisMonth; m++) {
			const opens = officeTime(m, 10);
			const closes = officeTime(m, 20);
			const campaign = Number(
				insCampaign.run(spotExam, `${monthName(m)} 抽考`, monthName(m), opens, closes, opens)
					.lastInsertRowid
			);
			const draw = Number(insDraw.run(campaign, opens - 5 * DAY).lastInsertRowid);
			for (let b = 1; b <= BRANCHES; b++) {
				const people = byBranch[b]!;
				const drawn = Math.max(1, Math.round(people.length * 0.1));
				const offset = Math.floor(random() * people.length);
				let exempted = 0;
				const sit = (staffId: number): void => {
					const at = opens + Math.floor(random() * 5 * DAY);
					const passed = random() < 0.95;
					add(spotExam, staffId, ++spotTries[staffId]!, at, passed);
					if (!passed) add(spotExam, staffId, ++spotTries[staffId]!, at + 2 * DAY, random() < 0.9);
				};
				for (let k = 0; k <= drawn; k++) {
					const staffId = people[(offset + k) % people.length]!;
					const role = k < drawn ? 'drawn' : 'alternate';
					const assignment = Number(
						insAssignment.run(draw, staffId, b, role, k + 1).lastInsertRowid
					);
					if (role === 'alternate') {
						// The branch's alternate stands in for the first exempt person, and sits.
						if (exempted) {
							db.prepare(
								`insert into spot_event (assignment_id, kind, reason, other_assignment_id, recorded_at) values (?, 'replaced_by', '', ?, ?)`
							).run(exempted, assignment, opens);
							sit(staffId);
						}
						continue;
					}
					const fate = random();
					if (fate < 0.03) {
						insEvent.run(assignment, 'absent', closes);
						continue;
					}
					if (fate < 0.05) {
						insEvent.run(assignment, 'exempt', opens);
						exempted ||= assignment;
						continue;
					}
					sit(staffId);
				}
			}
		}
		flush();
	})();
	const spotAttempts = written;

	// Each person sits each certification exam once a year; practice fills the rest.
	const start = officeTime(firstMonth, 1);
	const span = now - start;
	db.transaction(() => {
		for (let year = 0; year < 3; year++) {
			for (const examId of certExams) {
				for (let id = 1; id <= staffCount; id++) {
					add(
						examId,
						id,
						year + 1,
						start + year * 365 * DAY + Math.floor(random() * 360 * DAY),
						random() < 0.93
					);
				}
			}
		}
		flush();
	})();
	const tries = new Int32Array((staffCount + 1) * PRACTICE_EXAMS);
	const insertTransaction = db.transaction((n: number) => {
		for (let i = 0; i < n; i++) {
			const staffId = 1 + Math.floor(random() * staffCount);
			const e = Math.floor(random() * PRACTICE_EXAMS);
			const no = ++tries[staffId * PRACTICE_EXAMS + e]!;
			add(practiceExams[e]!, staffId, no, start + Math.floor(random() * span), random() < 0.95);
		}
		flush();
	});
	while (written < total) insertTransaction(Math.min(500_000, total - written));

	for (const ix of attemptIndexes) db.exec(ix.sql);
	db.pragma('journal_mode = WAL');
	db.close();
	const database = openSqlite(file);
	await rebuildAttemptSummary(database.db);
	await database.close();
	return {
		attempts: written,
		spotAttempts,
		campaigns: MONTHS,
		fromMonth: monthName(firstMonth),
		toMonth: monthName(thisMonth - 1),
		seconds: (performance.now() - started) / 1000
	};
}
