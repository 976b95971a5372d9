/** Where each known column sits in a CSV header line, and what the file called it. */
export interface HeaderMatch<F extends string> {
	/** Cell index of each column the file has. */
	index: Partial<Record<F, number>>;
	/** The header as written in the file, for messages that name the column. */
	header: Partial<Record<F, string>>;
	/** Non-blank headers that name no known column. */
	ignored: string[];
	/** A second header naming a column already seen: `column` as written, `other` the first. */
	duplicates: { field: F; column: string; other: string }[];
	/** Cells on the header line: a data row with more non-blank cells is malformed. */
	width: number;
}

/** "Employee No", " EMPLOYEE-NO " and "employee_no" all name the same column. */
export function normaliseHeader(header: string): string {
	return header
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
}

/**
 * Matches a header line against the accepted names of each column (any order, any letter
 * case, surrounding blanks ignored). Requiring columns is the caller's rule, not this one's.
 */
export function matchHeaders<F extends string>(
	headers: string[],
	aliases: Record<F, readonly string[]>
): HeaderMatch<F> {
	const lookup = new Map<string, F>();
	for (const field of Object.keys(aliases) as F[]) {
		for (const alias of aliases[field]) lookup.set(normaliseHeader(alias), field);
	}
	const match: HeaderMatch<F> = {
		index: {},
		header: {},
		ignored: [],
		duplicates: [],
		width: headers.length
	};
	headers.forEach((raw, i) => {
		const field = lookup.get(normaliseHeader(raw));
		const written = raw.replace(/^\uFEFF/, '').trim();
		if (!field) {
			if (written) match.ignored.push(written);
			return;
		}
		const seen = match.header[field];
		if (seen !== undefined) {
			match.duplicates.push({ field, column: written, other: seen });
			return;
		}
		match.index[field] = i;
		match.header[field] = written;
	});
	return match;
}
