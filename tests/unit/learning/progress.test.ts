import { describe, expect, it } from 'vitest';
import {
	computeProgress,
	firstOpenLesson,
	isMeantFor,
	neighbours
} from '../../../src/lib/server/courses/progress';

const lessons = [
	{ lessonKey: 'a/1', classHours: 1 },
	{ lessonKey: 'a/2', classHours: 2.5 },
	{ lessonKey: 'b/1', classHours: 0.5 }
];

describe('course progress', () => {
	it('counts nothing done as zero', () => {
		expect(computeProgress(lessons, new Set())).toEqual({
			completedLessons: 0,
			totalLessons: 3,
			completedHours: 0,
			totalHours: 4,
			percent: 0
		});
	});

	it('weighs progress by class hours and rounds the percentage down', () => {
		const p = computeProgress(lessons, new Set(['a/2']));
		expect(p.completedLessons).toBe(1);
		expect(p.completedHours).toBe(2.5);
		expect(p.percent).toBe(62);
	});

	it('reaches 100% only when every lesson is done', () => {
		expect(computeProgress(lessons, new Set(['a/1', 'a/2', 'b/1'])).percent).toBe(100);
		expect(computeProgress(lessons, new Set(['a/1', 'a/2'])).percent).toBe(87);
	});

	it('ignores completions of lessons no longer in the version', () => {
		const p = computeProgress(lessons, new Set(['gone/1', 'b/1']));
		expect(p.completedLessons).toBe(1);
		expect(p.completedHours).toBe(0.5);
	});

	it('handles an empty module', () => {
		expect(computeProgress([], new Set()).percent).toBe(0);
	});

	it('finds the previous and next lesson in reading order', () => {
		expect(neighbours(lessons, 'a/1')).toEqual({ prev: null, next: lessons[1] });
		expect(neighbours(lessons, 'a/2')).toEqual({ prev: lessons[0], next: lessons[2] });
		expect(neighbours(lessons, 'b/1')).toEqual({ prev: lessons[1], next: null });
		expect(neighbours(lessons, 'zz/9')).toEqual({ prev: null, next: null });
	});

	it('continues at the first lesson not yet completed', () => {
		expect(firstOpenLesson(lessons, new Set(['a/1']))).toBe(lessons[1]);
		expect(firstOpenLesson(lessons, new Set(['a/1', 'a/2', 'b/1']))).toBeNull();
	});

	it('marks a course meant for a position named in its audience', () => {
		expect(isMeantFor(['储蓄员', '综合柜员'], '储蓄员')).toBe(true);
		expect(isMeantFor(['储蓄员'], '投递员')).toBe(false);
	});
});
