import { DatabaseUnavailable, isConnectionLoss } from './pg-pool';

// SQLite's ways of saying "cannot write now, through no fault of the request": the file became
// read-only, the disk is full or failing, the file cannot be opened, the writer is locked out.
const SQLITE_CODES = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY|PROTOCOL)/;

/**
 * Whether `error` means the database cannot take work at the moment (down, failing over,
 * read-only, disk full), as opposed to a bug or bad input: the web answers 503 ("saving is
 * paused", "try again shortly") instead of a 500, and logs no stack trace. The transaction that
 * met it rolled back, so nothing is half-written.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
	if (error instanceof DatabaseUnavailable) return true;
	const code = (error as { code?: unknown } | null)?.code;
	if (typeof code === 'string' && SQLITE_CODES.test(code)) return true;
	// drizzle wraps a driver's error in its own "Failed query" error.
	const cause = (error as { cause?: unknown } | null)?.cause;
	if (cause && cause !== error && isDatabaseUnavailable(cause)) return true;
	return isConnectionLoss(error);
}

export { DatabaseUnavailable };
