// `npm start`: build when the sources are newer than the last build, then serve the built app.
import { ensureBuilt } from './build';

if (!ensureBuilt(process.cwd())) process.exit(1);
await import('./serve');
