// A primary and a hot standby with synchronous streaming replication on loopback, built from
// Debian's PostgreSQL binaries, for the failover test: crash the primary, promote the standby,
// rebuild the old primary as the new standby, and again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { adminQuery } from './admin';
import { findPostgresBin, freePort, runAsPostgres, startCluster, type Cluster } from './cluster';

const STANDBY_NAME = 'qualify_standby';

// What makes an acknowledged commit survive the primary's loss (docs/deploy.md): the primary
// waits for the standby to flush the commit's WAL before it answers (synchronous_commit=on with
// the standby named in synchronous_standby_names, set per round below).
export const REPLICATION_SETTINGS: Record<string, string> = {
	wal_level: 'replica',
	max_wal_senders: '10',
	hot_standby: 'on',
	synchronous_commit: 'on',
	fsync: 'on',
	// A standby that lost its primary retries quickly, so promotion is not kept waiting.
	wal_retrieve_retry_interval: '200ms',
	max_connections: '200'
};

export interface Node {
	cluster: Cluster;
	port: number;
}

function bin(name: string): string {
	const dir = findPostgresBin();
	if (!dir) throw new Error('PostgreSQL 15+ is not installed: apt-get install -y postgresql');
	return path.join(dir, name);
}

export function urlOf(node: Node): string {
	return node.cluster.url;
}

export async function startPrimary(): Promise<Node> {
	const cluster = await startCluster({ settings: REPLICATION_SETTINGS });
	return { cluster, port: cluster.port };
}

/**
 * A standby of `primary` made by pg_basebackup (-R writes its primary_conninfo), on `port` or a
 * free one. The copy carries the primary's postgresql.auto.conf: its synchronous_standby_names
 * is dropped, since a promoted standby with nobody to wait for must not wait.
 */
export async function startStandby(primary: Node, port?: number): Promise<Node> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-pg-standby-'));
	const data = path.join(dir, 'data');
	if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
	runAsPostgres(bin('pg_basebackup'), [
		'-d',
		`host=127.0.0.1 port=${primary.port} user=postgres application_name=${STANDBY_NAME}`,
		'-D',
		data,
		'-R',
		'-X',
		'stream',
		'-c',
		'fast'
	]);
	const auto = path.join(data, 'postgresql.auto.conf');
	const kept = fs
		.readFileSync(auto, 'utf8')
		.split('\n')
		.filter((l) => !l.startsWith('synchronous_standby_names'));
	fs.writeFileSync(auto, kept.join('\n'));
	const cluster = await startCluster({
		dataDir: data,
		port: port ?? (await freePort()),
		settings: REPLICATION_SETTINGS
	});
	return { cluster, port: cluster.port };
}

/** From now on the primary's commits wait for the standby. */
export async function requireStandby(primary: Node): Promise<void> {
	await adminQuery(
		urlOf(primary),
		`alter system set synchronous_standby_names = '${STANDBY_NAME}'`
	);
	await adminQuery(urlOf(primary), 'select pg_reload_conf()');
}

/** Waits until the standby streams and is the synchronous one. */
export async function waitForSyncStandby(primary: Node, timeoutMs = 30_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const rows = await adminQuery<{ sync_state: string }>(
			urlOf(primary),
			'select sync_state from pg_stat_replication where application_name = $1',
			[STANDBY_NAME]
		);
		if (rows[0]?.sync_state === 'sync') return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the standby did not become synchronous');
}

/**
 * Freezes the primary's WAL senders (SIGSTOP), so the standby falls behind: the moment just
 * before a crash where synchronous replication matters. Asynchronous commits are acknowledged
 * meanwhile; synchronous ones wait for the standby and are not.
 */
export async function stallReplication(primary: Node): Promise<number[]> {
	const rows = await adminQuery<{ pid: number }>(
		urlOf(primary),
		'select pid from pg_stat_replication'
	);
	for (const { pid } of rows) process.kill(pid, 'SIGSTOP');
	return rows.map((r) => r.pid);
}

/**
 * Stops the primary as a crash would (pg_ctl stop -m immediate: no shutdown checkpoint,
 * connections cut). Stalled WAL senders are killed first, so they send nothing more.
 */
export function crash(node: Node, stalled: number[] = []): void {
	for (const pid of stalled) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			/* already gone */
		}
	}
	node.cluster.stop('immediate');
}

/** Promotes the standby and waits until it accepts writes. */
export function promote(node: Node): void {
	runAsPostgres(bin('pg_ctl'), ['-D', path.join(node.cluster.dir, 'data'), '-w', 'promote']);
}

export function remove(node: Node): void {
	node.cluster.remove();
}
