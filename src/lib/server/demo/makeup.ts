/**
 * Demo 补考 (make-up exams): 「理财经理合规抽考」, a formal spot exam with a 切屏 limit of 3 and a
 * remedial lesson, open this week. Of the wealth managers drawn, the first (by employee number)
 * failed and has not studied the remedial lesson yet, so the make-up exam waits for it; the
 * second failed and has studied it, so the make-up exam is open; the third failed, studied and
 * passed the make-up exam; half of the rest passed at the first try. Everything goes through the
 * real services at its own moment. Deterministic; a no-op if the exam already exists.
 */
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import { recordLessonCompletion, selectCourses, selectLessonOutline } from '../courses/service';
import { at, createExam } from '../exams/service';
import { selectRolesOf, selectStaffList } from '../org/service';
import { listBankChoices } from '../questions/service';
import { createRng } from '../rng';
import {
	createCampaign,
	drawCampaign,
	getCampaignView,
	listSpotExams,
	sitSpotDemo
} from '../spot/service';
import { officeDay } from '../../time/office';

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const DEMO_MAKEUP_EXAM = '理财经理合规抽考';
const POSITION = '理财经理';
const BANK = '内控合规';

async function user(ctx: AppContext, staffId: number): Promise<SessionUser | null> {
	const row = (await selectStaffList(ctx.db, { branchIds: null }, 100_000)).find(
		(r) => r.id === staffId
	);
	if (!row) return null;
	return {
		id: row.id,
		employeeNo: row.employeeNo,
		name: row.name,
		branchId: row.branchId,
		position: row.position,
		status: row.status,
		roles: (await selectRolesOf(ctx.db, [row.id])).get(row.id) ?? [],
		mustChangePassword: false,
		locale: null
	};
}

async function findHr(ctx: AppContext): Promise<SessionUser | null> {
	const rows = await selectStaffList(ctx.db, { branchIds: null }, 100_000);
	const roles = await selectRolesOf(
		ctx.db,
		rows.map((r) => r.id)
	);
	const hr = rows.find((r) => roles.get(r.id)?.includes('hr'));
	return hr ? await user(ctx, hr.id) : null;
}

/** The first lesson of the first self-study course (by slug): the remedial lesson. */
async function remedialLesson(
	ctx: AppContext
): Promise<{ courseId: number; lessonKey: string } | null> {
	const course = (await selectCourses(ctx.db))
		.filter((c) => c.kind === 'self_study' && c.currentVersionId !== null)
		.sort((a, b) => a.slug.localeCompare(b.slug))[0];
	if (!course) return null;
	const lesson = (await selectLessonOutline(ctx.db, course.currentVersionId!))[0];
	return lesson ? { courseId: course.id, lessonKey: lesson.lessonKey } : null;
}

export async function seedDemoMakeup(ctx: AppContext): Promise<void> {
	if ((await listSpotExams(ctx)).some((e) => e.title === DEMO_MAKEUP_EXAM)) return;
	const bankId = (await listBankChoices(ctx.db)).find((b) => b.name === BANK)?.id;
	const hr = await findHr(ctx);
	const remedial = await remedialLesson(ctx);
	if (bankId === undefined || !hr || !remedial) return;
	const now = ctx.clock.now();
	const rng = createRng('qualify-demo-makeup-v1');
	const opens = now - 6 * DAY;
	const closes = now + 8 * DAY;
	const examId = (
		await createExam(at(ctx, opens - 10 * DAY), hr, {
			title: DEMO_MAKEUP_EXAM,
			purpose: 'spot',
			description:
				'理财经理内控合规抽考：10 道判断题，20 分钟，60 分合格；未通过须先学习补习课程再补考。',
			blueprint: [{ id: 'r1', bankId, type: 'true_false', count: 10, pointsEach: 10 }],
			timeLimitMinutes: 20,
			passMark: 60,
			attemptsAllowed: 2,
			shuffleOptions: true,
			partialCredit: 'none',
			reviewPolicy: 'score_and_answers',
			windowOpensAt: null,
			windowClosesAt: null,
			courseId: null,
			lessonKey: null,
			switchLimit: 3
		})
	).id;
	const campaignId = await createCampaign(at(ctx, opens - 3 * DAY), hr, {
		examId,
		title: `${officeDay(now).slice(0, 7)} ${DEMO_MAKEUP_EXAM}`,
		month: officeDay(now).slice(0, 7),
		windowOpensAt: opens,
		windowClosesAt: closes,
		positions: [POSITION],
		branchIds: [],
		sampleMode: 'percent',
		sampleValue: 50,
		excludeMonths: 0,
		alternatesPerBranch: 0,
		retestsAllowed: 1,
		remedialCourseId: remedial.courseId,
		remedialLessonKey: remedial.lessonKey
	});
	await drawCampaign(at(ctx, opens - 2 * DAY), hr, campaignId, () => 'demo-makeup-1');
	const drawn = (await getCampaignView(ctx, hr, campaignId)).people
		.filter((p) => p.role === 'drawn')
		.sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
	const sit = async (p: SessionUser, t: number, wrong: number): Promise<void> => {
		await inTransaction(ctx.db, (tx) =>
			sitSpotDemo(ctx, tx, rng, { user: p, campaignId, startAt: t, minutes: 8, wrong })
		);
	};
	for (const [i, d] of drawn.entries()) {
		const p = await user(ctx, d.staffId);
		if (!p) continue;
		const first = opens + (1 + (i % 3)) * DAY + 2 * HOUR;
		if (i < 3) {
			// The make-up trio: failed (7 of 10 wrong), then further along the make-up one by one.
			await sit(p, first, 7);
			if (i === 0) continue;
			await recordLessonCompletion(at(ctx, first + DAY), { staffId: p.id, ...remedial });
			if (i === 2) await sit(p, first + 2 * DAY, 1);
		} else if (i % 2 === 1) {
			await sit(p, first, rng.int(3));
		}
	}
}
