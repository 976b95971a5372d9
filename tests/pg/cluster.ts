// A throwaway PostgreSQL cluster for tests: initdb and pg_ctl from Debian's postgresql package,
// in a temporary folder, on a free port, removed after. PostgreSQL refuses to run as root (CI
// runs as root), so as root the cluster runs as the `postgres` system user.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Cluster {
	port: number;
	dir: string;
	/** postgres://postgres@127.0.0.1:port/postgres */
	url: string;
	stop(mode?: 'fast' | 'immediate'): void;
	remove(): void;
}

/** The folder of Debian's PostgreSQL server binaries (the newest installed), or null. */
export function findPostgresBin(): string | null {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return null;
	const versions = fs
		.readdirSync(root)
		.filter((v) => Number(v) >= 15 && fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const port = (server.address() as net.AddressInfo).port;
			server.close(() => resolve(port));
		});
	});
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary as the user who may run it; throws with its output on failure. */
export function runAsPostgres(bin: string, args: string[]): string {
	const [file, argv] = asRoot
		? ['su', ['postgres', '-c', [bin, ...args].map(quote).join(' ')]]
		: [bin, args];
	const result = spawnSync(file, argv as string[], { encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

function quote(s: string): string {
	return /^[\w./:=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export interface ClusterOptions {
	/** Extra `-c name=value` settings. */
	settings?: Record<string, string>;
	/** The data folder to use (a standby's, made by pg_basebackup); default: a fresh initdb. */
	dataDir?: string;
	port?: number;
}

/** Starts a cluster and waits until it accepts connections. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
	const bin = findPostgresBin();
	if (!bin) throw new Error('PostgreSQL 15+ is not installed: apt-get install -y postgresql');
	const dir = options.dataDir
		? path.dirname(options.dataDir)
		: fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-pg-'));
	const data = options.dataDir ?? path.join(dir, 'data');
	if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	if (!options.dataDir) {
		runAsPostgres(path.join(bin, 'initdb'), [
			'-D',
			data,
			'-A',
			'trust',
			'-U',
			'postgres',
			'-E',
			'UTF8',
			'--locale=C.UTF-8'
		]);
	}
	const port = options.port ?? (await freePort());
	const settings = {
		listen_addresses: '127.0.0.1',
		unix_socket_directories: dir,
		port: String(port),
		...options.settings
	};
	const flags = Object.entries(settings)
		.map(([k, v]) => `-c ${k}=${v}`)
		.join(' ');
	runAsPostgres(path.join(bin, 'pg_ctl'), [
		'-D',
		data,
		'-o',
		flags,
		'-l',
		path.join(dir, `log-${port}`),
		'-w',
		'start'
	]);
	const cluster: Cluster = {
		port,
		dir,
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop(mode = 'fast') {
			try {
				runAsPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
			} catch {
				/* already stopped */
			}
		},
		remove() {
			cluster.stop('immediate');
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
	return cluster;
}
