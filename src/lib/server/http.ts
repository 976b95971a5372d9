import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { recordAudit } from './audit/service';
import type { SessionUser } from './auth/session';
import type { AppContext } from './context';
import { isDatabaseUnavailable } from './db';
import { DomainError, Forbidden, Invalid, NotFound, Unauthenticated, type Problem } from './errors';
import { json } from './web/held-body';

/** JSON replies of the app's endpoints: SvelteKit's json() without a body stream (held-body.ts). */
export { json };

/** The one place that turns domain errors into HTTP answers. */
async function rethrow(
	ctx: AppContext,
	user: SessionUser | null,
	e: unknown,
	path: string
): Promise<never> {
	// The database is down, failing over or read-only: "try again shortly", not a crash.
	if (isDatabaseUnavailable(e)) error(503, { message: 'error.databaseUnavailable' });
	if (e instanceof Unauthenticated) redirect(303, `/login?next=${encodeURIComponent(path)}`);
	if (e instanceof Forbidden) {
		await recordAudit(ctx, {
			action: 'access.denied',
			actorStaffId: user?.id,
			target: path,
			detail: { reason: e.message }
		});
		error(403, { message: 'error.forbidden' });
	}
	if (e instanceof NotFound) error(404, { message: 'error.notFound' });
	if (e instanceof Invalid) error(400, { message: e.problems[0]?.key ?? 'error.generic' });
	throw e;
}

interface Scope {
	locals: App.Locals;
	url: URL;
}

/** Runs a load's service calls, mapping domain errors to redirects and error pages. */
export async function runLoad<T>(event: Scope, work: () => T | Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		return await rethrow(event.locals.ctx, event.locals.user, e, event.url.pathname);
	}
}

/** Like runLoad, but invalid input comes back to the form as `problems` with status 400. */
export async function runAction<T>(
	event: Scope,
	work: () => T | Promise<T>
): Promise<T | ActionFailure<{ problems: Problem[] }>> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof Invalid) return fail(400, { problems: e.problems });
		if (
			e instanceof DomainError &&
			!(e instanceof Forbidden || e instanceof NotFound || e instanceof Unauthenticated)
		) {
			return fail(400, { problems: e.problems });
		}
		return await rethrow(event.locals.ctx, event.locals.user, e, event.url.pathname);
	}
}

/** For JSON endpoints: a domain error as {error: messageKey, params} with a fitting status. */
export function domainErrorJson(e: unknown): Response {
	if (isDatabaseUnavailable(e)) {
		// The answer page keeps the answer on the device and sends it again (save-queue.ts).
		return json(
			{ error: 'error.databaseUnavailable', params: {} },
			{ status: 503, headers: { 'retry-after': '2' } }
		);
	}
	if (!(e instanceof DomainError)) throw e;
	const status =
		e instanceof Unauthenticated
			? 401
			: e instanceof Forbidden
				? 403
				: e instanceof NotFound
					? 404
					: 409;
	const problem = e.problems[0];
	return json(
		{ error: problem?.key ?? 'error.generic', params: problem?.params ?? {} },
		{ status }
	);
}
