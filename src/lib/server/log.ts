import pino from 'pino';

/** Structured logs; secrets are redacted wherever they might be passed along. */
export const log = pino({
	level:
		process.env.LOG_LEVEL ??
		(process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info'),
	redact: {
		paths: [
			'password',
			'*.password',
			'token',
			'*.token',
			'cookie',
			'*.cookie',
			'passwordHash',
			'*.passwordHash',
			'headers.cookie'
		],
		censor: '[redacted]'
	},
	base: undefined
});
