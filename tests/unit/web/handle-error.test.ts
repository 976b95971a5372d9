import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../../../src/hooks.server';
import { log } from '../../../src/lib/server/log';

type ErrorInput = Parameters<typeof handleError>[0];

function failure(status: number): ErrorInput {
	return {
		error: new Error(status === 413 ? 'Content-length exceeds limit' : 'boom'),
		event: { url: new URL('http://10.1.2.3:3000/manage/import') },
		status,
		message: 'x'
	} as unknown as ErrorInput;
}

afterEach(() => vi.restoreAllMocks());

describe('errors the server did not expect', () => {
	it('treats a body over the limit as the person’s mistake: a warning and the limit named', async () => {
		const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
		const error = vi.spyOn(log, 'error').mockImplementation(() => undefined);
		const shown = await handleError(failure(413));
		expect(shown).toEqual({ message: 'error.tooLarge', params: { limit: '11' } });
		expect(warn).toHaveBeenCalledOnce();
		expect(error).not.toHaveBeenCalled();
	});

	it('still logs a real failure as an error and shows a generic message', async () => {
		const error = vi.spyOn(log, 'error').mockImplementation(() => undefined);
		expect(await handleError(failure(500))).toEqual({ message: 'error.generic' });
		expect(error).toHaveBeenCalledOnce();
	});
});
