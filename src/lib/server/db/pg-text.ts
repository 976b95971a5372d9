// Queries are written with `?` placeholders (what drizzle's SQLite dialect renders, and what our
// hand-written SQL uses); PostgreSQL numbers them. A `?` inside a string literal, a quoted
// identifier or a comment is text, not a placeholder.

const cache = new Map<string, string>();

// drizzle's SQLite dialect names a conflict target's columns with their table
// (`on conflict ("t"."a", "t"."b")`); PostgreSQL takes bare column names there.
const CONFLICT_TARGET = /on conflict \(((?:"[^"]+"\."[^"]+"(?:, )?)+)\)/g;

function bareConflictTarget(sql: string): string {
	return sql.replace(
		CONFLICT_TARGET,
		(_, list: string) => `on conflict (${list.replace(/"[^"]+"\.("[^"]+")/g, '$1')})`
	);
}
const LIMIT = 4000;

/**
 * The text PostgreSQL is sent for a query written for both databases: `?` placeholders numbered
 * (`select ? , '?'` → `select $1 , '?'`) and conflict targets without their table name.
 */
export function toPostgres(text: string): string {
	const hit = cache.get(text);
	if (hit !== undefined) return hit;
	const sql = bareConflictTarget(text);
	let out = '';
	let n = 0;
	for (let i = 0; i < sql.length; i++) {
		const c = sql[i]!;
		if (c === "'" || c === '"') {
			// A quoted run ends at the next lone quote of the same kind ('' and "" escape one).
			let j = i + 1;
			for (; j < sql.length; j++) {
				if (sql[j] === c) {
					if (sql[j + 1] === c) j++;
					else break;
				}
			}
			out += sql.slice(i, j + 1);
			i = j;
		} else if (c === '-' && sql[i + 1] === '-') {
			const end = sql.indexOf('\n', i);
			const stop = end === -1 ? sql.length : end;
			out += sql.slice(i, stop);
			i = stop - 1;
		} else if (c === '?') {
			out += `$${++n}`;
		} else {
			out += c;
		}
	}
	if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
	cache.set(text, out);
	return out;
}
