import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import type { CourseKind, CourseTree } from '../../../src/lib/server/courses/types';

const CONTENT = path.resolve('content');

describe('the shipped content', () => {
	// Throws a ContentError listing every problem if the shipped tree is broken.
	const courses = loadContent(CONTENT);

	function onlyCourseOfKind(kind: CourseKind): CourseTree {
		const matching = courses.filter((c) => c.kind === kind);
		expect(matching, `courses of kind ${kind}`).toHaveLength(1);
		return matching[0] as CourseTree;
	}

	it('has the onboarding seat course of exactly 40 class hours', () => {
		expect(onlyCourseOfKind('onboarding').totalClassHours).toBe(40);
	});

	it('has a remote-training course of exactly 40 class hours for every position', () => {
		const remote = onlyCourseOfKind('remote');
		expect(remote.totalClassHours).toBe(40);
		expect(remote.audience).toEqual(
			expect.arrayContaining(['储蓄员', '综合柜员', '理财经理', '支局长', '投递员', '营销员'])
		);
	});

	it('has a centralized-training course of exactly 60 class hours', () => {
		expect(onlyCourseOfKind('centralized').totalClassHours).toBe(60);
	});

	it('covers the six onboarding topics, in order', () => {
		const titles = onlyCourseOfKind('onboarding').modules.map((m) => m.title);
		expect(titles).toEqual([
			'银行基础知识',
			'规章制度与内部控制',
			'银行员工从业禁止性规定',
			'服务礼仪与投诉处理',
			'反洗钱',
			'储蓄柜面业务操作'
		]);
	});

	it('teaches account opening, cash counting, counterfeits, loss reporting and DCC', () => {
		const counter = onlyCourseOfKind('onboarding').modules.at(-1);
		const lessons = counter?.lessons.map((l) => l.title).join(' ') ?? '';
		for (const topic of ['开立', '点钞', '假币', '挂失', 'DCC']) expect(lessons).toContain(topic);
	});

	it('totals match the sum of lesson hours, and every lesson has a real body', () => {
		for (const course of courses) {
			const lessons = course.modules.flatMap((m) => m.lessons);
			const sum = lessons.reduce((total, l) => total + l.classHours, 0);
			expect(course.totalClassHours, course.slug).toBe(sum);
			for (const lesson of lessons)
				expect(lesson.markdown.length, lesson.file).toBeGreaterThan(200);
		}
	});
});
