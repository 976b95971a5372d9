import { id } from './columns';
import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { IMPORT_STATUSES } from '../../../imports/enums';
import { ROLES, STAFF_STATUSES } from '../../../org/enums';
import { staff } from './org';

export const COMMIT_PHASES = ['checking', 'preparing', 'writing'] as const;
export type CommitPhase = (typeof COMMIT_PHASES)[number];

/** Why the last commit job of an import failed: a message key and its parameters. */
export interface CommitFailure {
	key: string;
	params?: Record<string, string | number>;
}

/** An uploaded roster file kept between preview and commit, so HR commits exactly what it saw. */
export const rosterImport = sqliteTable('roster_import', {
	id: id(),
	/** Null when the file came in through the CLI, which runs as the system, not a person. */
	createdBy: integer('created_by').references(() => staff.id),
	createdAt: integer('created_at').notNull(),
	fileName: text('file_name').notNull(),
	content: blob('content', { mode: 'buffer' }).notNull(),
	status: text('status', { enum: IMPORT_STATUSES }).notNull().default('previewed'),
	summary: text('summary', { mode: 'json' }).$type<Record<string, number>>(),
	committedAt: integer('committed_at'),
	/** JSON rows of new accounts' initial passwords; cleared after their one download. */
	initialPasswords: text('initial_passwords'),
	passwordsDownloadedAt: integer('passwords_downloaded_at')
});

/**
 * An import's commit job, kept in the database so that any app node can show it and notice when
 * it died. A table of its own because writing progress into roster_import would rewrite the
 * stored file (megabytes) with every percent.
 */
export const rosterCommitJob = sqliteTable('roster_commit_job', {
	importId: integer('import_id')
		.primaryKey()
		.references(() => rosterImport.id),
	/** Random per run; cleared when the run ends, so a job given up for dead cannot publish. */
	token: text('token'),
	/** Which process runs it (host:port, or host:cli:pid), so a restarted server knows its own. */
	owner: text('owner').notNull(),
	phase: text('phase', { enum: COMMIT_PHASES }).notNull(),
	done: integer('done').notNull(),
	total: integer('total').notNull(),
	startedAt: integer('started_at').notNull(),
	/** Written with every bit of progress; a job silent for too long is reported as failed. */
	heartbeatAt: integer('heartbeat_at').notNull(),
	/** Why the run failed (nothing was written); null while it runs and after it succeeds. */
	error: text('error', { mode: 'json' }).$type<CommitFailure>()
});

/**
 * A commit job's planned writes, one row per person created or changed, written in small chunks
 * while the site keeps serving; the final transaction applies them with a few set-based
 * statements. Nobody reads these rows but the job, and they are deleted after it.
 */
export const rosterStageStaff = sqliteTable(
	'roster_stage_staff',
	{
		importId: integer('import_id').notNull(),
		/** File order, from 0. */
		seq: integer('seq').notNull(),
		/** A new person (their id was reserved when staged) or one the file changes. */
		isNew: integer('is_new', { mode: 'boolean' }).notNull(),
		staffId: integer('staff_id').notNull(),
		employeeNo: text('employee_no').notNull(),
		name: text('name').notNull(),
		branchCode: text('branch_code').notNull(),
		position: text('position').notNull(),
		hireDate: text('hire_date'),
		status: text('status', { enum: STAFF_STATUSES }).notNull(),
		/** New people only: their initial password's hash. */
		passwordHash: text('password_hash'),
		/** Audit detail when the roles change (their roster_stage_role rows replace the old). */
		rolesChange: text('roles_change', { mode: 'json' }).$type<Record<string, unknown>>(),
		/** Audit detail when the person is marked as left (their sessions end). */
		disable: text('disable', { mode: 'json' }).$type<Record<string, unknown>>(),
		/** YYYY-MM-DD a change of branch or position takes effect (the file's, else the import day). */
		effectiveOn: text('effective_on')
	},
	(t) => [primaryKey({ columns: [t.importId, t.seq] })]
);

/** The roles of the new people and of those whose roles the file changes. */
export const rosterStageRole = sqliteTable(
	'roster_stage_role',
	{
		importId: integer('import_id').notNull(),
		staffId: integer('staff_id').notNull(),
		role: text('role', { enum: ROLES }).notNull()
	},
	(t) => [primaryKey({ columns: [t.importId, t.staffId, t.role] })]
);

/**
 * One row whose counter triggers bump on every change a roster plan depends on (branches, the
 * people's roster fields, roles): the commit's cheap check that nothing moved since it planned.
 */
export const rosterVersion = sqliteTable('roster_version', {
	id: integer('id').primaryKey(),
	version: integer('version').notNull()
});
