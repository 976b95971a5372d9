/**
 * Serves the built app (build/): what `npm start` runs once the build is current, and what the
 * browser tests run after `vite build`. adapter-node's handler on a server of our own, so that
 * - the port answers at once: "starting" (503, /healthz too) until the app has booted;
 * - the same-origin check and cookies follow the address the request really came to (see
 *   prepareAdapterEnv); ORIGIN, PROTOCOL_HEADER, HOST_HEADER, ADDRESS_HEADER/XFF_DEPTH keep
 *   their adapter-node meaning behind a proxy;
 * - SIGTERM/SIGINT let the requests in flight finish before the process exits;
 * - requests reach SvelteKit without an AbortSignal (web/node-request.ts says why).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAppServer, prepareAdapterEnv, type NodeHandler } from './app-server';
import { redirectKitNode } from './kit-node-hook';

const SHUTDOWN_GRACE_MS = 10_000;

const root = path.resolve(process.env.QUALIFY_ROOT ?? process.cwd());
process.env.QUALIFY_ROOT = root;
const handlerFile = path.join(root, 'build', 'handler.js');
if (!fs.existsSync(handlerFile)) {
	console.error(`No build at ${path.dirname(handlerFile)}: run \`npm start\` (it builds first).`);
	process.exit(1);
}

redirectKitNode(path.dirname(handlerFile));
const socketProtocol = prepareAdapterEnv(process.env);
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const { server, ready } = createAppServer({ socketProtocol });

/** Where staff can reach this server: localhost and every IPv4 address of this machine. */
function addresses(): string[] {
	if (host && host !== '0.0.0.0' && host !== '::') return [`http://${host}:${port}`];
	const lan = Object.values(os.networkInterfaces())
		.flat()
		.filter((a) => a && a.family === 'IPv4' && !a.internal)
		.map((a) => `http://${a!.address}:${port}`);
	return [`http://localhost:${port}`, ...lan];
}

server.on('error', (e: NodeJS.ErrnoException) => {
	console.error(
		e.code === 'EADDRINUSE'
			? `Port ${port} is already in use: stop the other server or set PORT to a free port.`
			: `Cannot listen on port ${port}: ${e.message}`
	);
	process.exit(1);
});
server.listen({ port, host }, () => {
	console.log(`Qualify is starting; it answers at ${addresses().join(' and ')}`);
});

/**
 * Migrates the database and seeds the demo office in a child process (same node, same tsx
 * loader), so this process stays free to answer "starting" meanwhile. Its problems (a broken
 * content tree, a damaged database) are printed by it; a failure stops the start.
 */
function prepareDatabase(): Promise<void> {
	const quiet = !process.env.LOG_LEVEL || process.env.LOG_LEVEL === 'info';
	const child = spawn(
		process.execPath,
		[...process.execArgv, fileURLToPath(new URL('./prepare-db.ts', import.meta.url))],
		{ stdio: 'inherit', env: { ...process.env, ...(quiet && { LOG_LEVEL: 'warn' }) } }
	);
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('exit', (code, signal) =>
			code === 0
				? resolve()
				: reject(new Error(`preparing the database failed (${signal ?? code})`))
		);
	});
}

const startedAt = performance.now();
const booting = prepareDatabase()
	// Importing the handler runs SvelteKit's init hook (bootApp); the database is ready by now.
	.then(() => import(pathToFileURL(handlerFile).href) as Promise<{ handler: NodeHandler }>)
	.then(
		(module) => {
			ready(module.handler);
			const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
			console.log(`Qualify is ready (started in ${seconds} s).`);
		},
		(e: unknown) => {
			console.error('Qualify could not start:', e instanceof Error ? e.message : e);
			process.exit(1);
		}
	);

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
	// A second Ctrl+C does not wait.
	if (stopping) process.exit(1);
	stopping = true;
	// Never stop half-way through seeding the demo office: let the boot finish first.
	await booting;
	console.log(`${signal}: finishing the requests in flight, then stopping.`);
	server.close(() => process.exit(0));
	// Keep-alive connections go as soon as their request is answered.
	setInterval(() => server.closeIdleConnections(), 200).unref();
	setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGINT', (signal) => void shutdown(signal));
