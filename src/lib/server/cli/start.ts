// `npm start`: build when the sources are newer than the last build, then serve the built app.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt } from './build';

const root = process.cwd();
if (!ensureBuilt(root)) {
	console.error('Build failed; see the messages above.');
	process.exit(1);
}

const port = process.env.PORT ?? '3000';
const server = spawn(process.execPath, [path.join(root, 'build', 'index.js')], {
	stdio: 'inherit',
	cwd: root,
	env: {
		...process.env,
		QUALIFY_ROOT: root,
		PORT: port,
		// adapter-node assumes https unless told the public URL; form posts would then fail the
		// same-origin check when browsing http://localhost. Set ORIGIN to the real URL in production.
		ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
		// Roster files may be up to 10 MB; adapter-node refuses bodies over 512 KB by default.
		BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '11M'
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));
