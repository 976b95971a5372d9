import { describe, expect, it } from 'vitest';
import { isForeignWrite } from '../../../src/lib/server/web/same-origin';

const at = new URL('http://10.1.2.3:3000/logout');

function request(method: string, headers: Record<string, string> = {}): Request {
	return new Request(at, { method, headers });
}

describe('the same-origin rule', () => {
	it('lets a post from the address the request came to through, whatever that address is', () => {
		expect(isForeignWrite(request('POST', { origin: 'http://10.1.2.3:3000' }), at)).toBe(false);
		const named = new URL('http://qualify.branch.example:3000/');
		const post = new Request(named, { method: 'POST', headers: { origin: named.origin } });
		expect(isForeignWrite(post, named)).toBe(false);
	});

	it.each([
		['another site', 'http://evil.example'],
		['the same host on another port', 'http://10.1.2.3:8080'],
		['the same host over https', 'https://10.1.2.3:3000'],
		['an opaque origin', 'null']
	])('refuses a post from %s, whatever its content type', (_name, origin) => {
		for (const type of ['application/x-www-form-urlencoded', 'application/json', 'text/plain']) {
			expect(isForeignWrite(request('POST', { origin, 'content-type': type }), at)).toBe(true);
		}
		expect(isForeignWrite(request('DELETE', { origin }), at)).toBe(true);
		expect(isForeignWrite(request('POST', { origin }), at)).toBe(true);
	});

	it('refuses a form post that names no origin, as SvelteKit did', () => {
		const form = { 'content-type': 'multipart/form-data; boundary=x' };
		expect(isForeignWrite(request('POST', form), at)).toBe(true);
	});

	it('lets reads through, and JSON or bodiless posts without an origin (not a browser)', () => {
		expect(isForeignWrite(request('GET', { origin: 'http://evil.example' }), at)).toBe(false);
		expect(isForeignWrite(request('HEAD'), at)).toBe(false);
		expect(isForeignWrite(request('POST', { 'content-type': 'application/json' }), at)).toBe(false);
		expect(isForeignWrite(request('POST'), at)).toBe(false);
	});
});
