/**
 * Loads every server route module at boot. SvelteKit loads a route's code on its first request,
 * and evaluating the libraries some routes bring (exceljs for the report downloads took 200 ms)
 * then holds the event loop: the first HR export after a restart stalled every examinee's answer
 * save for that long. Loaded here, before the server listens, that cost is paid at start-up.
 */
const routeModules = import.meta.glob([
	'/src/routes/**/+server.ts',
	'/src/routes/**/+page.server.ts',
	'/src/routes/**/+layout.server.ts'
]);

/** The files warmRoutes loads, as '/src/routes/…' paths. */
export function warmedRouteFiles(): string[] {
	return Object.keys(routeModules);
}

export async function warmRoutes(): Promise<void> {
	for (const load of Object.values(routeModules)) await load();
}
