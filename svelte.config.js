import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// sha256 of the style attribute of SvelteKit's #svelte-announcer (kit/src/core/sync/write_root.js).
const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Not "trust every origin": the same-origin rule lives in one place,
		// src/lib/server/web/same-origin.ts, called first by hooks.server.ts for every method and
		// content type. SvelteKit's own check (form posts only) would answer first with a plain-text
		// 403 that a `use:enhance` form cannot show, so it is switched off here.
		csrf: { trustedOrigins: ['*'] },
		// Nonces for SvelteKit's own inline script; nothing else inline may run. No 'unsafe-inline'
		// for styles either: components use no style attributes (Svelte's scoped styles are files).
		// The one exception is SvelteKit's route announcer, whose fixed style attribute is allowed
		// by its hash ('unsafe-hashes' admits only attributes matching a listed hash; the security
		// e2e spec fails if an upgrade changes it). Images only from this server or data: URIs,
		// so question and lesson HTML cannot load (and track examinees through) another site's.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-hashes', ANNOUNCER_STYLE_HASH],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
