import { describe, expect, it } from 'vitest';
import { bodyLimitMegabytes, parseByteSize } from '../../../src/lib/server/web/body-limit';

describe('the upload limit', () => {
	it('reads BODY_SIZE_LIMIT as adapter-node does', () => {
		expect(parseByteSize('512K')).toBe(512 * 1024);
		expect(parseByteSize('11M')).toBe(11 * 1024 ** 2);
		expect(parseByteSize('2048')).toBe(2048);
	});

	it('names the limit in megabytes, 11 MB unless set', () => {
		expect(bodyLimitMegabytes({})).toBe('11');
		expect(bodyLimitMegabytes({ BODY_SIZE_LIMIT: '20M' })).toBe('20');
		expect(bodyLimitMegabytes({ BODY_SIZE_LIMIT: '512K' })).toBe('0.5');
	});
});
