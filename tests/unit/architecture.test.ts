import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The doors of docs/architecture.md, checked on the source: only the adapters (`db/`) and a
 * domain's data door (`<domain>/data/`) speak drizzle or SQL, and nobody outside a domain
 * imports its data door.
 */

interface SourceFile {
	/** Relative to the repository, with forward slashes: `src/lib/server/org/service.ts`. */
	path: string;
	text: string;
}

interface Scope {
	/** Domains (folders under src/lib/server/) whose files are checked; null: every file. */
	domains: readonly string[] | null;
	/** Further files or folders (ending in `/`) checked although they are no domain. */
	paths: readonly string[];
}

const SERVER = 'src/lib/server/';

/** The domain a file belongs to (`org` for src/lib/server/org/…), or null for a loose file. */
function domainOf(file: string): string | null {
	if (!file.startsWith(SERVER)) return null;
	const parts = file.slice(SERVER.length).split('/');
	return parts.length > 1 ? (parts[0] ?? null) : null;
}

function mayTalkToDatabase(file: string): boolean {
	if (file.startsWith(`${SERVER}db/`)) return true;
	const parts = file.slice(SERVER.length).split('/');
	return file.startsWith(SERVER) && parts.length > 2 && parts[1] === 'data';
}

function inScope(file: string, scope: Scope): boolean {
	if (scope.domains === null) return true;
	const domain = domainOf(file);
	if (domain !== null && scope.domains.includes(domain)) return true;
	return scope.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));
}

// `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`.
const IMPORT =
	/(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g;

function importsOf(text: string): string[] {
	return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2]) as string);
}

/** What an import names, relative to the repository; null for a package. */
function resolveImport(from: string, spec: string): string | null {
	if (spec.startsWith('$lib/')) return `src/lib/${spec.slice('$lib/'.length)}`;
	if (spec.startsWith('.'))
		return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
	return null;
}

/** The domain whose data door `target` is in, or null. */
function dataDoorOf(target: string): string | null {
	if (!target.startsWith(SERVER)) return null;
	const [domain, folder] = target.slice(SERVER.length).split('/');
	return folder === 'data' ? (domain ?? null) : null;
}

// sql`…`, sql.raw(…) and sql<T>`…`: drizzle's ways of holding SQL text.
const SQL_TEXT = /\bsql(?:<[^>`]*>)?`|\bsql\.raw\(/;

/** Every breach of the doors among `files`, one line each. */
function findViolations(files: readonly SourceFile[], scope: Scope): string[] {
	const out: string[] = [];
	for (const file of files) {
		const imports = importsOf(file.text);
		if (inScope(file.path, scope) && !mayTalkToDatabase(file.path)) {
			for (const spec of imports) {
				if (spec === 'drizzle-orm' || spec.startsWith('drizzle-orm/')) {
					out.push(`${file.path} imports ${spec} outside a data door`);
				}
			}
			if (SQL_TEXT.test(file.text)) out.push(`${file.path} holds SQL text outside a data door`);
		}
		for (const spec of imports) {
			const target = resolveImport(file.path, spec);
			const door = target && dataDoorOf(target);
			if (!door || domainOf(file.path) === door) continue;
			if (scope.domains === null || scope.domains.includes(door)) {
				out.push(`${file.path} imports ${spec}, the data door of ${door}, from outside it`);
			}
		}
	}
	return out;
}

function sourceFiles(root: string): SourceFile[] {
	const out: SourceFile[] = [];
	const walk = (dir: string): void => {
		for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
			const rel = `${dir}/${entry.name}`;
			if (entry.isDirectory()) walk(rel);
			else if (/\.(ts|js|svelte)$/.test(entry.name)) {
				out.push({ path: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') });
			}
		}
	};
	walk('src');
	return out;
}

/**
 * The doors that write the org tables and so read them back on their own: the roster import
 * (which maintains them), auth (the credential and locale columns of staff) and the demo's
 * organisation seed.
 */
const ORG_WRITERS = [
	`${SERVER}roster/data/`,
	`${SERVER}auth/data/`,
	`${SERVER}demo/data/organisation.ts`
];

// A query's tables: `.from(x)`, `.innerJoin(x, …)` and the other joins.
const QUERY_TABLE = /\.(?:from|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*(\w+)/g;
// `const i = questionImport;` and `const recorder = aliasedTable(staff, 'recorder');`
const TABLE_ALIAS = /\bconst\s+(\w+)\s*=\s*(?:aliasedTable\(\s*)?(\w+)\s*[,;)]/g;

/** The tables `schema/org.ts` defines, by the names the schema exports them under. */
function orgTablesIn(text: string): Set<string> {
	return new Set([...text.matchAll(/export const (\w+) = sqliteTable\(/g)].map((m) => m[1]!));
}

/**
 * Data door functions outside org/ whose every table is an org table: copies of an org lookup
 * (staff by id, branch names, positions…) that belong behind org/service.ts. Joins to the
 * domain's own tables are no copies and pass.
 */
function findOrgLookupCopies(files: readonly SourceFile[], orgTables: Set<string>): string[] {
	const out: string[] = [];
	for (const file of files) {
		const door = dataDoorOf(file.path);
		if (!door || door === 'org' || ORG_WRITERS.some((w) => file.path.startsWith(w))) continue;
		const alias = new Map([...file.text.matchAll(TABLE_ALIAS)].map((m) => [m[1]!, m[2]!]));
		for (const chunk of file.text.split(/\n(?=(?:export\s+)?(?:async\s+)?function\s)/)) {
			const name = /^(?:export\s+)?(?:async\s+)?function\s+(\w+)/.exec(chunk)?.[1];
			if (!name) continue;
			const tables = [...chunk.matchAll(QUERY_TABLE)].map((m) => alias.get(m[1]!) ?? m[1]!);
			if (tables.length > 0 && tables.every((t) => orgTables.has(t))) {
				const read = [...new Set(tables)].join(', ');
				out.push(`${file.path}: ${name} reads only org tables (${read}); ask org/service.ts`);
			}
		}
	}
	return out;
}

// Every domain, every server file outside the doors, the CLI, the hooks.
const CONVERTED: Scope = {
	domains: null,
	paths: [`${SERVER}cli/`, `${SERVER}context.ts`, `${SERVER}steps.ts`, 'src/hooks.server.ts']
};

describe('the doors of the data layer', () => {
	it('holds in the source of the converted domains', () => {
		const root = path.resolve(__dirname, '../..');
		expect(findViolations(sourceFiles(root), CONVERTED)).toEqual([]);
	});

	it('refuses drizzle and SQL text outside db/ and the data doors', () => {
		const files = [
			{ path: 'src/lib/server/org/service.ts', text: "import { eq } from 'drizzle-orm';" },
			{ path: 'src/lib/server/org/view.ts', text: 'const q = sql`select 1`;' },
			{ path: 'src/lib/server/cli/x.ts', text: "import { x } from 'drizzle-orm/sqlite-core';" },
			{ path: 'src/routes/a/+page.server.ts', text: "import { sql } from 'drizzle-orm';" },
			{ path: 'src/lib/server/org/data/staff.ts', text: "import { eq, sql } from 'drizzle-orm';" },
			{ path: 'src/lib/server/db/index.ts', text: 'const q = sql`select 1`;' }
		];
		expect(findViolations(files, { domains: ['org'], paths: [`${SERVER}cli/`] })).toEqual([
			'src/lib/server/org/service.ts imports drizzle-orm outside a data door',
			'src/lib/server/org/view.ts holds SQL text outside a data door',
			'src/lib/server/cli/x.ts imports drizzle-orm/sqlite-core outside a data door'
		]);
		expect(findViolations(files, { domains: null, paths: [] })).toContain(
			'src/routes/a/+page.server.ts imports drizzle-orm outside a data door'
		);
	});

	it('refuses a data door imported from outside its domain', () => {
		const files = [
			{ path: 'src/lib/server/org/service.ts', text: "import * as data from './data';" },
			{ path: 'src/lib/server/org/x/y.ts', text: "import { a } from '../data/staff';" },
			{ path: 'src/lib/server/hours/service.ts', text: "import { a } from '../org/data';" },
			{
				path: 'src/routes/b/+page.server.ts',
				text: "import { a } from '$lib/server/org/data/staff';"
			},
			{ path: 'src/lib/server/spot/service.ts', text: "export { a } from '../exams/data';" },
			{ path: 'src/lib/server/spot/boot.ts', text: "import '../org/data/staff';" }
		];
		expect(findViolations(files, { domains: ['org'], paths: [] })).toEqual([
			'src/lib/server/hours/service.ts imports ../org/data, the data door of org, from outside it',
			'src/routes/b/+page.server.ts imports $lib/server/org/data/staff, the data door of org, from outside it',
			'src/lib/server/spot/boot.ts imports ../org/data/staff, the data door of org, from outside it'
		]);
		expect(findViolations(files, { domains: null, paths: [] })).toHaveLength(4);
	});

	it('keeps lookups of org rows behind org/service.ts', () => {
		const root = path.resolve(__dirname, '../..');
		const org = orgTablesIn(fs.readFileSync(path.join(root, `${SERVER}db/schema/org.ts`), 'utf8'));
		expect([...org].sort()).toEqual(['branch', 'staff', 'staffRole', 'staffTransfer']);
		expect(findOrgLookupCopies(sourceFiles(root), org)).toEqual([]);
	});

	it('refuses a data door function that reads only org tables outside org/', () => {
		const org = new Set(['branch', 'staff', 'staffRole']);
		const byId = `export async function selectStaffName(db: Db, id: number) {
	return await db.select({ name: staff.name }).from(staff).where(eq(staff.id, id)).get();
}`;
		const joined = `export async function selectLedger(db: Db) {
	return await db.select().from(hourEntry).innerJoin(staff, eq(staff.id, hourEntry.staffId)).all();
}`;
		const aliased = `const who = aliasedTable(staff, 'who');
async function positions(db: Db) {
	return await db.selectDistinct({ p: who.position }).from(who).leftJoin(branch, x).all();
}`;
		const files = [
			{ path: 'src/lib/server/questions/data/questions.ts', text: `${joined}\n${byId}` },
			{ path: 'src/lib/server/hours/data/entries.ts', text: joined },
			{ path: 'src/lib/server/spot/data/lookups.ts', text: aliased },
			{ path: 'src/lib/server/org/data/staff.ts', text: byId },
			{ path: 'src/lib/server/roster/data/staff.ts', text: byId },
			{ path: 'src/lib/server/spot/views.ts', text: byId }
		];
		expect(findOrgLookupCopies(files, org)).toEqual([
			'src/lib/server/questions/data/questions.ts: selectStaffName reads only org tables (staff); ask org/service.ts',
			'src/lib/server/spot/data/lookups.ts: positions reads only org tables (staff, branch); ask org/service.ts'
		]);
	});
});
