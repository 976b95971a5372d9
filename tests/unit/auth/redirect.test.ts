import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '../../../src/lib/server/auth/redirect';

const ORIGIN = 'https://qualify.example.cn';

describe('safe redirect paths', () => {
	it('keeps a path on this site with its query and hash', () => {
		expect(safeRedirectPath('/manage/reports?x=1', ORIGIN)).toBe('/manage/reports?x=1');
		expect(safeRedirectPath('/exams/3#q2', ORIGIN)).toBe('/exams/3#q2');
		expect(safeRedirectPath(`${ORIGIN}/learn`, ORIGIN)).toBe('/learn');
	});

	it.each([
		'/\\evil.com',
		'/\t/evil.com',
		'\\\\evil.com',
		'//evil.com',
		'///evil.com',
		'/.//evil.com',
		`${ORIGIN}//evil.com`,
		'https://evil.com',
		'https://qualify.example.cn.evil.com/',
		'http://qualify.example.cn/',
		'javascript:alert(1)',
		'data:text/html,<script>alert(1)</script>'
	])('sends %j home instead of off the site', (value) => {
		expect(safeRedirectPath(value, ORIGIN)).toBe('/');
	});

	it('leaves an encoded backslash as a harmless path on this site', () => {
		const path = safeRedirectPath('/%5C%5Cevil.com', ORIGIN);
		expect(path.startsWith('/') && !path.startsWith('//')).toBe(true);
		expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
	});

	it('falls back when there is nothing to go to', () => {
		expect(safeRedirectPath(null, ORIGIN)).toBe('/');
		expect(safeRedirectPath('', ORIGIN, '/learn')).toBe('/learn');
		expect(safeRedirectPath('https://evil.com', ORIGIN, '/learn')).toBe('/learn');
	});
});
