import path from 'node:path';

/** Runtime settings, read once from the environment with safe defaults. */
export interface Config {
	databasePath: string;
	/** postgres://…: run on PostgreSQL (takes precedence over databasePath). */
	databaseUrl: string | null;
	/** postgres://… of a replica the reports may read from. */
	databaseReadUrl: string | null;
	port: number;
	demo: boolean;
	sessionIdleMs: number;
	sessionAbsoluteMs: number;
	logLevel: string;
	migrationsFolder: string;
	contentFolder: string;
	/** FULL unless a benchmark asks for NORMAL to show what durability costs. */
	synchronous: 'FULL' | 'NORMAL';
	/** The office's own employee number pattern (a regular expression for the whole number). */
	employeeNoPattern: string | null;
	/**
	 * The share (percent) of a lesson's class hours a person must study before completing it,
	 * unless its front matter sets min_minutes; absent: DEFAULT_MIN_SHARE_PERCENT (50).
	 */
	lessonMinSharePercent?: number;
}

function positiveNumber(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) {
		throw new Error(`${name} must be a positive number, got "${raw}"`);
	}
	return value;
}

function postgresUrl(name: string): string | null {
	const raw = process.env[name]?.trim();
	if (!raw) return null;
	// Named without the rest of the value: it may carry a password.
	if (!/^postgres(ql)?:\/\//.test(raw)) {
		throw new Error(`${name} must start with postgres:// (or postgresql://)`);
	}
	return raw;
}

function percent(name: string): number | undefined {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return undefined;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0 || value > 100) {
		throw new Error(`${name} must be a percentage from 0 to 100, got "${raw}"`);
	}
	return value;
}

function pattern(name: string): string | null {
	const raw = process.env[name]?.trim();
	if (!raw) return null;
	try {
		new RegExp(raw);
	} catch (e) {
		throw new Error(`${name} is not a valid regular expression: ${(e as Error).message}`);
	}
	return raw;
}

export function readConfig(): Config {
	const root = process.env.QUALIFY_ROOT ?? process.cwd();
	return {
		databasePath: process.env.DATABASE_PATH || path.join(root, 'data', 'qualify.db'),
		databaseUrl: postgresUrl('DATABASE_URL'),
		databaseReadUrl: postgresUrl('DATABASE_READ_URL'),
		port: positiveNumber('PORT', 3000),
		demo: process.env.QUALIFY_DEMO !== '0',
		sessionIdleMs: positiveNumber('SESSION_IDLE_MINUTES', 30) * 60_000,
		sessionAbsoluteMs: positiveNumber('SESSION_ABSOLUTE_HOURS', 12) * 3_600_000,
		logLevel: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
		migrationsFolder: path.join(root, 'drizzle'),
		contentFolder: path.join(root, 'content'),
		synchronous: process.env.QUALIFY_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
		employeeNoPattern: pattern('EMPLOYEE_NO_PATTERN'),
		lessonMinSharePercent: percent('LESSON_MIN_SHARE_PERCENT')
	};
}
