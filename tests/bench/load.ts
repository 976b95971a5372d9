import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { serverArgs } from '../helpers/server-command';

export interface LoadResult {
	rps: number;
	p50: number;
	p99: number;
	total: number;
	failed: number;
	/** Why requests failed (HTTP status or error code) and how many, where the runner knows. */
	failures?: Record<string, number>;
}

/** "failed=3 (503 ×2, ECONNRESET ×1)": a failure is a finding, so the bench names its cause. */
export function failedText(r: LoadResult): string {
	const causes = Object.entries(r.failures ?? {})
		.sort((a, b) => b[1] - a[1])
		.map(([cause, n]) => `${cause} ×${n}`);
	return `failed=${r.failed}${causes.length ? ` (${causes.join(', ')})` : ''}`;
}

type RequestSetup = () => {
	path: string;
	method: 'GET' | 'POST';
	headers?: Record<string, string>;
	body?: string;
};

/** Runs autocannon against `url`, building each request with `next`. */
export async function load(
	url: string,
	next: RequestSetup,
	options: { connections: number; duration?: number; amount?: number; overallRate?: number }
): Promise<LoadResult> {
	// autocannon rejects options given as undefined, so only set what was asked for.
	const result = await autocannon({
		url,
		connections: options.connections,
		...(options.duration !== undefined && { duration: options.duration }),
		...(options.amount !== undefined && { amount: options.amount }),
		...(options.overallRate !== undefined && { overallRate: options.overallRate }),
		requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }]
	});
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		total: result.requests.total,
		failed: result.non2xx + result.errors + result.timeouts
	};
}

/** How `npm start` runs the built app (serve.ts, with its Node flags): what staff meet. */
export const APP_SERVER = serverArgs();

/** Starts a server process and waits until `health` answers. */
export async function startServer(
	args: string[],
	env: Record<string, string>,
	health: string
): Promise<ChildProcess> {
	const child = spawn(process.execPath, args, {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	running.add(child);
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(health)).ok) return child;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	child.kill('SIGKILL');
	throw new Error(`server did not answer ${health}`);
}

const running = new Set<ChildProcess>();
// A failed run must not leave servers holding the ports for the next one.
process.on('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

export async function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await exited;
	running.delete(child);
}
