import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	// The State Council holiday schedule is a JSON file inside chinese-days: bundled into the
	// server build, since Node will not import an external JSON module without an attribute.
	ssr: { noExternal: ['chinese-days'] },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		// argon2 and SQLite work is CPU-bound; two cores, so keep the pool small.
		maxWorkers: 2,
		testTimeout: 20_000
	}
});
