import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n/messages';
import { selectPlurals } from '../../../src/lib/i18n/plural';

describe('plural forms', () => {
	it('says "1 day" and "2 days" in English, and one form in Chinese', () => {
		expect(translate('en', 'onboarding.track.daysLeft', { days: 1 })).toBe('1 day to go');
		expect(translate('en', 'onboarding.track.daysLeft', { days: 2 })).toBe('2 days to go');
		expect(translate('en', 'onboarding.track.daysLeft', { days: 0 })).toBe('0 days to go');
		expect(translate('en', 'home.onboarding.toAck', { count: 1 })).toBe(
			'1 practicum day waits for your acknowledgement.'
		);
		expect(translate('en', 'org.staff.count', { count: 1 })).toBe('1 person');
		expect(translate('en', 'org.staff.count', { count: 3 })).toBe('3 people');
		expect(translate('zh-CN', 'org.staff.count', { count: 1 })).toBe('共 1 人');
	});

	it('fills other placeholders inside a form and prefers an exact =n form', () => {
		const template = '{n, plural, =0 {none of {what}} one {# {what}} other {# {what}s}} left';
		expect(selectPlurals('en', template, { n: 0 })).toBe('none of {what} left');
		expect(selectPlurals('en', template, { n: 1 })).toBe('1 {what} left');
		expect(selectPlurals('en', template, { n: 5 })).toBe('5 {what}s left');
	});

	it('leaves a message without a count untouched', () => {
		expect(selectPlurals('en', 'Day {day}', { day: 1 })).toBe('Day {day}');
	});
});
