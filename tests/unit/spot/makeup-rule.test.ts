import { describe, expect, it } from 'vitest';
import type { SpotCampaign } from '../../../src/lib/server/db/schema';
import {
	isRetestWaitingForRemedial,
	makeupRowOf,
	remedialStateOf
} from '../../../src/lib/server/spot/makeup-rule';
import type { Standing } from '../../../src/lib/server/spot/standing';
import type { WindowAttempt } from '../../../src/lib/server/spot/data';

let nextAttempt = 1;
function attempt(status: 'open' | 'submitted', passed: boolean | null = null): WindowAttempt {
	const id = nextAttempt++;
	return { id, staffId: 7, status, passed, percent: passed ? 80 : 30, startedAt: id };
}

function standing(attempts: WindowAttempt[], over: Partial<Standing> = {}): Standing {
	const results = attempts.filter((a) => a.status === 'submitted').map((a) => a.passed === true);
	return {
		id: 3,
		drawId: 1,
		staffId: 7,
		branchId: 1,
		role: 'drawn',
		rank: 1,
		name: '李柜员',
		employeeNo: 'YZ0007',
		branchName: '小湖支局',
		branchCode: 'XJ08',
		tracked: true,
		exempt: false,
		absent: false,
		closed: false,
		position: null,
		remedial: false,
		replacedBy: null,
		standsInFor: null,
		attempts,
		results,
		status: results.length === 0 ? 'pending' : results.includes(true) ? 'passed' : 'failed',
		reasons: [],
		...over
	};
}

const campaign = (named: boolean) =>
	({
		remedialCourseId: named ? 4 : null,
		remedialLessonKey: named ? '01-guide/01-intro' : null
	}) as SpotCampaign;

describe('补考 rule', () => {
	it('says whether the remedial lesson is required and done', () => {
		expect(remedialStateOf(campaign(false), false)).toBe('notRequired');
		expect(remedialStateOf(campaign(true), false)).toBe('notDone');
		expect(remedialStateOf(campaign(true), true)).toBe('done');
	});

	it('holds the retest of a failed person until the lesson is done, and nobody else', () => {
		const failed = standing([attempt('submitted', false)]);
		expect(isRetestWaitingForRemedial(failed, 'notDone')).toBe(true);
		expect(isRetestWaitingForRemedial(failed, 'done')).toBe(false);
		expect(isRetestWaitingForRemedial(failed, 'notRequired')).toBe(false);
		// Not yet sat, passed, or already in a retest (it may be continued): never held.
		expect(isRetestWaitingForRemedial(standing([]), 'notDone')).toBe(false);
		expect(isRetestWaitingForRemedial(standing([attempt('submitted', true)]), 'notDone')).toBe(
			false
		);
		expect(
			isRetestWaitingForRemedial(
				standing([attempt('submitted', false), attempt('open')]),
				'notDone'
			)
		).toBe(false);
	});

	it('lists only those who failed at the first try, with where their make-up stands', () => {
		expect(makeupRowOf(standing([attempt('submitted', true)]), 'notRequired')).toBeNull();
		expect(makeupRowOf(standing([]), 'notRequired')).toBeNull();
		expect(
			makeupRowOf(standing([attempt('submitted', false)], { exempt: true }), 'notDone')
		).toBeNull();
		expect(makeupRowOf(standing([attempt('submitted', false)]), 'notDone')).toMatchObject({
			firstPercent: 30,
			remedial: 'notDone',
			retaken: false,
			result: 'awaitingRetest'
		});
		const first = attempt('submitted', false);
		expect(makeupRowOf(standing([first, attempt('open')]), 'done')).toMatchObject({
			retaken: true,
			result: 'retesting',
			firstAttemptId: first.id
		});
		expect(
			makeupRowOf(standing([attempt('submitted', false), attempt('submitted', true)]), 'done')
		).toMatchObject({ retaken: true, result: 'passed' });
		expect(
			makeupRowOf(standing([attempt('submitted', false), attempt('submitted', false)]), 'done')
		).toMatchObject({ retaken: true, result: 'failed' });
	});
});
