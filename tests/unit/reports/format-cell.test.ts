import { describe, expect, it } from 'vitest';
import { formatCell } from '../../../src/lib/components/reports/format';
import { translate } from '../../../src/lib/i18n/messages';

const tZh = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);

describe('report cells', () => {
	it('reads a month as 2026年11月 in Chinese and Nov 2026 in English', () => {
		expect(formatCell(tZh, 'zh-CN', 'month', '2026-11')).toBe('2026年11月');
		expect(formatCell((k) => translate('en', k), 'en', 'month', '2026-01')).toBe('Jan 2026');
	});

	it('reads a day as its Beijing date', () => {
		expect(formatCell(tZh, 'zh-CN', 'date', '2026-12-31')).toBe('2026年12月31日');
	});
});
