import { defineConfig } from 'vitest/config';
import base from '../../vite.config';

// The integration suite again, on PostgreSQL, plus what only PostgreSQL can show (tests/pg).
// The demo-content tests (tests/integration/demo) stay on SQLite: what the demo holds does not
// depend on the database, and seeding it six more times would double this suite's time. On
// PostgreSQL the whole demo is seeded by many-nodes.test.ts (two nodes racing to seed it) and
// its attempts are counted by reports/summary-demo.test.ts.
export default defineConfig({
	...base,
	test: {
		...base.test,
		include: ['tests/integration/**/*.test.ts', 'tests/pg/**/*.test.ts'],
		exclude: ['tests/integration/demo/**', 'node_modules/**']
	}
});
