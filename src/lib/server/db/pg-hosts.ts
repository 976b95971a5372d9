// A PostgreSQL connection string as libpq reads it, with a list of hosts
// (`postgres://u:p@a:5432,b:5432/qualify?target_session_attrs=read-write`): node-postgres takes
// one host, so the pool (pg-pool.ts) walks the list itself.

export type SessionAttrs = 'read-write' | 'any' | 'prefer-standby';

export interface HostList {
	hosts: { host: string; port: number }[];
	user: string | undefined;
	password: string | undefined;
	database: string | undefined;
	/** Which server of the list to use: the writable one unless the URL says otherwise. */
	targetSessionAttrs: SessionAttrs;
	/** Other query parameters (sslmode, application_name…), passed on as the URL gives them. */
	params: URLSearchParams;
}

const SCHEME = /^postgres(?:ql)?:\/\//;
const SUPPORTED: SessionAttrs[] = ['read-write', 'any', 'prefer-standby'];

/** Reads a connection string; throws with a message that never repeats the password. */
export function parseHostList(url: string, fallback: SessionAttrs = 'read-write'): HostList {
	if (!SCHEME.test(url)) {
		throw new Error('a PostgreSQL URL starts with postgres:// or postgresql://');
	}
	const rest = url.replace(SCHEME, '');
	const at = rest.lastIndexOf('@', rest.search(/[/?]|$/));
	const auth = at >= 0 ? rest.slice(0, at) : '';
	const afterAuth = at >= 0 ? rest.slice(at + 1) : rest;
	const hostEnd = afterAuth.search(/[/?]|$/);
	const hostPart = afterAuth.slice(0, hostEnd);
	const tail = afterAuth.slice(hostEnd);
	const [pathPart = '', query = ''] = tail.split(/\?(.*)/s, 2);
	const [user, password] = auth ? splitOnce(auth, ':') : [undefined, undefined];
	const hosts = (hostPart || 'localhost').split(',').map((h) => {
		const m = /^(\[[^\]]+\]|[^:]*)(?::(\d+))?$/.exec(h);
		if (!m) throw new Error(`cannot read the host "${h}" in the PostgreSQL URL`);
		const host = m[1]!.replace(/^\[|\]$/g, '') || 'localhost';
		return { host, port: m[2] ? Number(m[2]) : 5432 };
	});
	const params = new URLSearchParams(query);
	const attrs = params.get('target_session_attrs');
	params.delete('target_session_attrs');
	if (attrs !== null && !SUPPORTED.includes(attrs as SessionAttrs)) {
		throw new Error(`target_session_attrs=${attrs} is not supported; use ${SUPPORTED.join(', ')}`);
	}
	const database = pathPart.replace(/^\//, '');
	return {
		hosts,
		user: user === undefined ? undefined : decodeURIComponent(user),
		password: password === undefined ? undefined : decodeURIComponent(password),
		database: database ? decodeURIComponent(database) : undefined,
		targetSessionAttrs: (attrs as SessionAttrs | null) ?? fallback,
		params
	};
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
	const i = s.indexOf(sep);
	return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** What a log line or an error may say of a connection string: user, hosts, database. */
export function describeHostList(url: string): string {
	try {
		const list = parseHostList(url);
		const hosts = list.hosts.map((h) => `${h.host}:${h.port}`).join(',');
		return `${list.user ?? '(default user)'}@${hosts}/${list.database ?? ''}`;
	} catch {
		return '(an unreadable PostgreSQL URL)';
	}
}
