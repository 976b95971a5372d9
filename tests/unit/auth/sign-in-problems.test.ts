import { describe, expect, it } from 'vitest';
import { failedRequestProblem, signInProblems } from '../../../src/lib/auth/sign-in';

describe('the messages of a refused sign-in', () => {
	it('names the refusal, and the wait when there is one, in whole seconds rounded up', () => {
		expect(signInProblems({ reason: 'invalid', retryAfterMs: 0 })).toEqual([
			{ key: 'login.invalid' }
		]);
		expect(signInProblems({ reason: 'invalid', retryAfterMs: 4_001 })).toEqual([
			{ key: 'login.invalid' },
			{ key: 'login.wait', params: { seconds: 5 } }
		]);
		expect(signInProblems({ reason: 'wait', retryAfterMs: 299_500 })).toEqual([
			{ key: 'login.wait', params: { seconds: 300 } }
		]);
	});

	it('tells a missing CAPTCHA from a wrong one', () => {
		expect(signInProblems({ reason: 'captcha-missing', retryAfterMs: 0 })[0]?.key).toBe(
			'login.captchaMissing'
		);
		expect(signInProblems({ reason: 'captcha-wrong', retryAfterMs: 0 })[0]?.key).toBe(
			'login.captchaWrong'
		);
	});
});

describe('a submission the sign-in never answered', () => {
	it('leaves results of the sign-in itself to the page', () => {
		expect(failedRequestProblem({ type: 'success' })).toBeNull();
		expect(failedRequestProblem({ type: 'failure', status: 400 })).toBeNull();
		expect(failedRequestProblem({ type: 'redirect', status: 303 })).toBeNull();
	});

	it('explains a 403 from the same-origin check, whatever shape its body has', () => {
		expect(failedRequestProblem({ type: 'error', status: 403, error: {} })).toEqual({
			key: 'login.forbidden'
		});
		// SvelteKit's own cross-site refusal is a bare {"message": ...}, not an action result.
		const bare = { message: 'Cross-site POST form submissions are forbidden' };
		expect(failedRequestProblem(bare)).toEqual({ key: 'login.forbidden' });
	});

	it('gives the status of any other refusal, and says so when the server was not reached', () => {
		expect(failedRequestProblem({ type: 'error', status: 413 })).toEqual({
			key: 'login.refused',
			params: { status: 413 }
		});
		expect(failedRequestProblem({ type: 'error', error: new TypeError('fetch failed') })).toEqual({
			key: 'login.offline'
		});
	});
});
