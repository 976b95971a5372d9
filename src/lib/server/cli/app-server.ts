import http from 'node:http';
import type { TLSSocket } from 'node:tls';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from '../../i18n/messages';
import { DEFAULT_BODY_SIZE_LIMIT } from '../web/body-limit';
import { renderPlainPage } from '../web/plain-page';

/** adapter-node's request handler (build/handler.js), polka-style. */
export type NodeHandler = (
	req: http.IncomingMessage,
	res: http.ServerResponse,
	next: () => void
) => void;

/**
 * Set on every request from the socket itself, overwriting anything a client sent, when the
 * operator configured neither ORIGIN nor PROTOCOL_HEADER; PROTOCOL_HEADER then names it.
 */
export const SOCKET_PROTOCOL_HEADER = 'x-qualify-socket-protocol';

/**
 * Fills in what adapter-node must know before build/handler.js is imported (it reads these once,
 * at import). Without ORIGIN or PROTOCOL_HEADER adapter-node assumes every request came over
 * https; the protocol is taken from the socket instead, so `url.origin` is the address the
 * browser really used: http://127.0.0.1:3000, http://10.1.2.3:3000 or an intranet host name.
 * Returns whether the socket's protocol is used.
 */
export function prepareAdapterEnv(env: NodeJS.ProcessEnv): boolean {
	for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'ADDRESS_HEADER'] as const) {
		if (env[name] === '') delete env[name];
	}
	env.BODY_SIZE_LIMIT ||= DEFAULT_BODY_SIZE_LIMIT;
	if (env.ORIGIN || env.PROTOCOL_HEADER) return false;
	env.PROTOCOL_HEADER = SOCKET_PROTOCOL_HEADER;
	return true;
}

function localeOf(req: http.IncomingMessage): Locale {
	const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(req.headers.cookie ?? '');
	const value = match?.[1];
	return isLocale(value) ? value : DEFAULT_LOCALE;
}

const RETRY_SECONDS = 3;

/** "Starting" while the app boots: 503 with Retry-After, a page that reloads itself. */
function answerStarting(req: http.IncomingMessage, res: http.ServerResponse): void {
	res.setHeader('retry-after', String(RETRY_SECONDS));
	if (req.url === '/healthz' || req.url?.startsWith('/healthz?')) {
		res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
		res.end(JSON.stringify({ ok: false, starting: true }));
		return;
	}
	const { html, headers } = renderPlainPage({
		locale: localeOf(req),
		status: 503,
		title: 'server.starting.title',
		message: 'server.starting.message',
		refreshSeconds: RETRY_SECONDS
	});
	res.writeHead(503, {
		...headers,
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff'
	});
	res.end(req.method === 'HEAD' ? undefined : html);
}

export interface AppServer {
	server: http.Server;
	/** Hands every later request to the app. */
	ready(handler: NodeHandler): void;
}

/** An HTTP server that answers "starting" until `ready` gives it the app's handler. */
export function createAppServer(options: { socketProtocol: boolean }): AppServer {
	let handler: NodeHandler | null = null;
	const server = http.createServer((req, res) => {
		if (options.socketProtocol) {
			req.headers[SOCKET_PROTOCOL_HEADER] = (req.socket as Partial<TLSSocket>).encrypted
				? 'https'
				: 'http';
		}
		if (!handler) {
			answerStarting(req, res);
			return;
		}
		handler(req, res, () => {
			res.writeHead(404).end();
		});
	});
	return {
		server,
		ready(h) {
			handler = h;
		}
	};
}
