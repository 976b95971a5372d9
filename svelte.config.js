import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Forms are posted from our own origin only; SvelteKit rejects cross-site form posts.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
