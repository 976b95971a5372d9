// Small pieces of the reports' hand-written SQL text.

/** A hand-written statement: SQL text with `?` placeholders and its parameters, in order. */
export interface Statement {
	sql: string;
	params: unknown[];
}

/**
 * `column in (?, ?, …)` over `ids`, portable where SQLite's json_each is not; an empty list
 * matches nothing. Report scopes are a few branches, so the list stays short.
 */
export function inIds(column: string, ids: readonly number[]): Statement {
	if (ids.length === 0) return { sql: '1 = 0', params: [] };
	return { sql: `${column} in (${ids.map(() => '?').join(', ')})`, params: [...ids] };
}
