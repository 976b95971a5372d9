import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, translate } from '../../../src/lib/i18n/messages';

function placeholders(text: string): string[] {
	// A plural block {count, plural, …} uses its count as a placeholder does.
	return [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))].sort();
}

describe('message catalogues', () => {
	it('fills placeholders', () => {
		expect(translate('zh-CN', 'nav.signedInAs', { name: '张伟', employeeNo: 'YZ0001' })).toBe(
			'当前用户：张伟（YZ0001）'
		);
		expect(translate('en', 'nav.signedInAs', { name: 'Zhang Wei', employeeNo: 'YZ0001' })).toBe(
			'Signed in as Zhang Wei (YZ0001)'
		);
	});

	it('has every key in both languages with the same placeholders and no empty text', () => {
		expect(MESSAGE_KEYS.length).toBeGreaterThan(50);
		for (const key of MESSAGE_KEYS) {
			const zhText = translate('zh-CN', key);
			const enText = translate('en', key);
			expect(zhText.trim(), key).not.toBe('');
			expect(enText.trim(), key).not.toBe('');
			expect(placeholders(enText), key).toEqual(placeholders(zhText));
		}
	});
});
