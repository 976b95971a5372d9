import { describe, expect, it } from 'vitest';
import { addSecurityHeaders } from '../../../src/lib/server/web/security-headers';

describe('security headers', () => {
	it('forbids framing and sniffing and keeps the referrer on this site, always', () => {
		const headers = new Headers();
		addSecurityHeaders(headers, { https: false, signedIn: false });
		expect(headers.get('x-frame-options')).toBe('DENY');
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('same-origin');
		expect(headers.get('cache-control')).toBeNull();
	});

	it('pins https only when the request came over https', () => {
		const plain = new Headers();
		addSecurityHeaders(plain, { https: false, signedIn: false });
		expect(plain.get('strict-transport-security')).toBeNull();
		const secure = new Headers();
		addSecurityHeaders(secure, { https: true, signedIn: false });
		expect(secure.get('strict-transport-security')).toBe('max-age=31536000');
	});

	it('keeps a signed-in answer out of every cache, whatever the route set', () => {
		const headers = new Headers({ 'cache-control': 'max-age=600' });
		addSecurityHeaders(headers, { https: false, signedIn: true });
		expect(headers.get('cache-control')).toBe('no-store');
	});
});
