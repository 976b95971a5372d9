import { describe, expect, it } from 'vitest';
import { evidenceLabel } from '../../../src/lib/server/competency/evidence-label';
import { officeInstant } from '../../../src/lib/time/office';

const sources = {
	exams: [
		// 00:30 on 2 March in Beijing is still 1 March in UTC: the Beijing day is shown.
		{ attemptId: 713, examTitle: '储蓄业务认证', submittedAt: officeInstant('2026-03-02', '00:30') }
	],
	certificates: [{ id: 1, number: 'QC-2026-0001' }]
};

describe('evidence labels on people’s pages', () => {
	it('names a certificate by its number and an exam by its title and Beijing day, never by id', () => {
		expect(evidenceLabel('certificate:1', sources)).toEqual({ name: 'QC-2026-0001', day: null });
		expect(evidenceLabel('attempt:713', sources)).toEqual({
			name: '储蓄业务认证',
			day: '2026-03-02'
		});
	});

	it('gives nothing rather than an id when it cannot tell', () => {
		expect(evidenceLabel('attempt:9', sources)).toBeNull();
		expect(evidenceLabel('plan:7', sources)).toBeNull();
	});
});
