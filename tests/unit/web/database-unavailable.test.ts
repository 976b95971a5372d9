import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../../src/lib/server/db';
import { DatabaseUnavailable } from '../../../src/lib/server/db/pg-pool';
import { domainErrorJson } from '../../../src/lib/server/http';
import { Invalid } from '../../../src/lib/server/errors';

function sqliteError(code: string): Error {
	return Object.assign(new Error(code.toLowerCase()), { code });
}

describe('a database that cannot take work now', () => {
	it('is told apart from bugs and bad input', () => {
		expect(isDatabaseUnavailable(new DatabaseUnavailable('no usable server'))).toBe(true);
		expect(isDatabaseUnavailable(sqliteError('SQLITE_READONLY'))).toBe(true);
		expect(isDatabaseUnavailable(sqliteError('SQLITE_FULL'))).toBe(true);
		// PostgreSQL: a demoted primary, a server shutting down, a dropped connection.
		expect(isDatabaseUnavailable(Object.assign(new Error('read-only'), { code: '25006' }))).toBe(
			true
		);
		expect(isDatabaseUnavailable(Object.assign(new Error('shutdown'), { code: '57P01' }))).toBe(
			true
		);
		expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
		// drizzle wraps the driver's error as its cause.
		const wrapped = new Error('Failed query: insert …', {
			cause: sqliteError('SQLITE_IOERR_WRITE')
		});
		expect(isDatabaseUnavailable(wrapped)).toBe(true);

		expect(isDatabaseUnavailable(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
		expect(isDatabaseUnavailable(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(
			false
		);
		expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
	});

	it('answers a JSON endpoint with 503 and a key the answer page shows as "saving paused"', async () => {
		const response = domainErrorJson(new DatabaseUnavailable('no usable server'));
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('2');
		expect(await response.json()).toEqual({ error: 'error.databaseUnavailable', params: {} });
		// Bad input is still the person's problem, not the server's.
		expect(domainErrorJson(new Invalid([{ key: 'error.generic' }])).status).toBe(409);
	});
});
