import { defineConfig } from 'vitest/config';
import base from '../../vite.config';

// The integration suite again, on PostgreSQL, plus what only PostgreSQL can show (tests/pg).
export default defineConfig({
	...base,
	test: {
		...base.test,
		include: ['tests/integration/**/*.test.ts', 'tests/pg/**/*.test.ts']
	}
});
