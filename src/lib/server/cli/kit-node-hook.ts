// Points the built handler's import of '@sveltejs/kit/node' at web/node-request.ts (a Request
// without an AbortSignal: that file says why). adapter-node leaves the import to be resolved at
// run time, from node_modules, and offers no option for it; a module resolution hook is how a
// server swaps one import without editing its build or its dependencies. Only modules inside
// the build directory are redirected, so node-request.ts itself still reaches SvelteKit's.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

// The hook runs on Node's loader thread, which cannot load TypeScript itself: plain JS, inline.
const HOOK = `
let build;
let target;
export function initialize(data) {
	build = data.build;
	target = data.target;
}
export async function resolve(specifier, context, next) {
	if (specifier === '@sveltejs/kit/node' && context.parentURL && context.parentURL.startsWith(build)) {
		// Resolved by the rest of the chain (tsx's, which loads TypeScript) as a path of its own.
		return next(target, context);
	}
	return next(specifier, context);
}
`;

/** From now on, modules under `buildDir` that import '@sveltejs/kit/node' get node-request.ts. */
export function redirectKitNode(buildDir: string): void {
	register(`data:text/javascript,${encodeURIComponent(HOOK)}`, {
		data: {
			build: pathToFileURL(buildDir + '/').href,
			target: new URL('../web/node-request.ts', import.meta.url).href
		}
	});
}
