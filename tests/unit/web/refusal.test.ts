import { describe, expect, it } from 'vitest';
import { refusal } from '../../../src/lib/server/web/refusal';

function post(headers: Record<string, string>): Request {
	return new Request('http://10.1.2.3:3000/manage/staff?/create', { method: 'POST', headers });
}

describe('a refusal decided before any route runs', () => {
	it('answers a use:enhance post with an action error the form shows', async () => {
		const answer = refusal(
			{
				request: post({ 'x-sveltekit-action': 'true', accept: 'application/json' }),
				isDataRequest: false
			},
			403,
			'error.crossOrigin',
			'zh-CN'
		);
		expect(answer.status).toBe(403);
		expect(await answer.json()).toEqual({
			type: 'error',
			status: 403,
			error: { message: 'error.crossOrigin' }
		});
	});

	it('answers a JSON call with the endpoints’ error shape', async () => {
		const request = post({ 'content-type': 'application/json', accept: 'application/json' });
		const answer = refusal({ request, isDataRequest: false }, 403, 'error.crossOrigin', 'en');
		expect(await answer.json()).toMatchObject({ error: 'error.crossOrigin', params: {} });
	});

	it('answers a plain form post with a page in the person’s language, no script', async () => {
		const request = post({ 'content-type': 'application/x-www-form-urlencoded' });
		const zh = refusal({ request, isDataRequest: false }, 403, 'error.crossOrigin', 'zh-CN');
		expect(zh.headers.get('content-type')).toContain('text/html');
		const html = await zh.text();
		expect(html).toContain('<html lang="zh-CN">');
		expect(html).toContain('错误 403');
		expect(html).toContain('该请求来自其他网站，已被拒绝');
		expect(html).not.toContain('<script');
		expect(zh.headers.get('content-security-policy')).toContain("default-src 'none'");
		const en = refusal({ request, isDataRequest: false }, 403, 'error.crossOrigin', 'en');
		expect(await en.text()).toContain('came from another site');
	});
});
