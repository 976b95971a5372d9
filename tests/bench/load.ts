import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';

export interface LoadResult {
	rps: number;
	p50: number;
	p99: number;
	total: number;
	failed: number;
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
