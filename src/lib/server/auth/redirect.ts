/**
 * Where a `?next=` or `redirectTo` value may send someone: a path on this site, never another.
 * A prefix test ("starts with / but not //") is not enough: browsers read `/\evil.com` and
 * `/\t/evil.com` as `//evil.com`. So the value is resolved the way a browser would resolve it,
 * and only a same-origin result is kept, as path + query + hash.
 */
export function safeRedirectPath(
	value: string | null | undefined,
	origin: string,
	fallback = '/'
): string {
	if (!value) return fallback;
	let target: URL;
	try {
		target = new URL(value, origin);
	} catch {
		return fallback;
	}
	if (target.origin !== origin) return fallback;
	// Dot segments can leave a path like `//evil.com` on our own origin (`/.//evil.com`); sent
	// back as a Location it would be protocol-relative, so it is refused too.
	if (target.pathname.startsWith('//')) return fallback;
	return `${target.pathname}${target.search}${target.hash}`;
}
