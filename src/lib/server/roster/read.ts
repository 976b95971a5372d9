import type { Problem } from '../errors';
import { decodeText, formatMegabytes, MAX_IMPORT_BYTES, parseCsvSteps } from '../files/service';
import { mapSteps, runSteps, type Steps } from '../steps';
import { resolveColumns } from './columns';
import type { RosterFileResult } from './types';
import { validateRows } from './validate';
import { employeeNoRule, type EmployeeNoCheck } from './values';

/** The largest roster file accepted: a county office's roster is well under 1 MB. */
export const MAX_ROSTER_BYTES = MAX_IMPORT_BYTES;

/** A file over the limit, as a problem; null when the size is fine. */
export function checkRosterSize(size: number): Problem | null {
	if (size <= MAX_ROSTER_BYTES) return null;
	return {
		key: 'roster.error.fileTooLarge',
		params: { size: formatMegabytes(size), limit: formatMegabytes(MAX_ROSTER_BYTES) }
	};
}

/**
 * Reads a roster file as uploaded: decodes it, finds the header line and checks every row.
 * The database is not consulted; `planRoster` does that part.
 */
export function readRosterFile(
	bytes: Uint8Array,
	checkEmployeeNo: EmployeeNoCheck = employeeNoRule(null)
): RosterFileResult {
	return runSteps(readRosterFileSteps(bytes, checkEmployeeNo));
}

/** `readRosterFile` in steps: yields rows checked so far and the file's row count. */
export function* readRosterFileSteps(
	bytes: Uint8Array,
	checkEmployeeNo: EmployeeNoCheck
): Steps<RosterFileResult, { done: number; total: number }> {
	const result: RosterFileResult = {
		encoding: null,
		rowCount: 0,
		records: [],
		problems: [],
		ignoredColumns: []
	};
	const tooLarge = checkRosterSize(bytes.length);
	if (tooLarge) return { ...result, problems: [tooLarge] };
	const decoded = decodeText(bytes);
	if (!decoded.ok) return { ...result, problems: [{ key: 'roster.error.utf16' }] };
	result.encoding = decoded.encoding;

	const csv = yield* mapSteps(parseCsvSteps(decoded.text), () => ({ done: 0, total: 0 }));
	const [header, ...data] = csv.rows;
	if (!header) {
		const key = csv.unterminatedQuoteLine
			? 'roster.error.unterminatedQuote'
			: 'roster.error.fileEmpty';
		const params = csv.unterminatedQuoteLine ? { line: csv.unterminatedQuoteLine } : undefined;
		return { ...result, problems: [{ key, params }] };
	}
	const { columns, problems } = resolveColumns(header.cells, header.line);
	result.ignoredColumns = columns.ignored;
	// Without the required columns every row would repeat the same complaint: stop at the header.
	if (problems.length > 0) return { ...result, problems };
	if (data.length === 0 && !csv.unterminatedQuoteLine) {
		return { ...result, problems: [{ key: 'roster.error.noDataRows' }] };
	}
	const total = data.length;
	const checked = yield* mapSteps(validateRows(data, columns, checkEmployeeNo), (done) => ({
		done,
		total
	}));
	result.rowCount = data.length;
	result.records = checked.records;
	result.problems = checked.problems;
	if (csv.unterminatedQuoteLine) {
		result.problems.push({
			key: 'roster.error.unterminatedQuote',
			params: { line: csv.unterminatedQuoteLine }
		});
	}
	return result;
}
