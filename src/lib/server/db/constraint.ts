/**
 * Whether `error` is a unique-constraint violation, on either database (SQLite's
 * SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY, PostgreSQL's 23505), also when drizzle wrapped it.
 * Two app nodes racing to create the same row (one open attempt per person and exam) meet
 * here: the loser reads what the winner wrote.
 */
export function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	if (
		code === '23505' ||
		code === 'SQLITE_CONSTRAINT_UNIQUE' ||
		code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
	) {
		return true;
	}
	const cause = (error as { cause?: unknown } | null)?.cause;
	return cause !== undefined && cause !== error && isUniqueViolation(cause);
}
