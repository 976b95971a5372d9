// Run by cli/serve.ts in a child process before the app boots: migrating a database and seeding
// the demo office take seconds of synchronous work that would keep the server from answering.
import { prepareDatabase } from '../boot';
import { systemClock } from '../clock';
import { readConfig } from '../config';
import { closeDatabase } from '../db';

// Ctrl+C reaches this process too. Stopping half-way through the demo seed would leave an
// office that is never completed (seeding runs only on an empty database), so finish first:
// the server waits for this and stops right after.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {});

const ctx = await prepareDatabase(readConfig(), systemClock);
await closeDatabase(ctx.db);
