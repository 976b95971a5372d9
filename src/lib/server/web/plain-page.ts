import { createHash } from 'node:crypto';
import { translate, type Locale, type MessageKey, type Params } from '../../i18n/messages';

/*
 * A page with no app around it, for answers given before or instead of the app: "starting"
 * while the server boots, and refusals decided in the hook (a foreign form post, a page the
 * person may not open). No script; its one style block is allowed by hash, nothing else.
 */

const STYLE =
	'body{margin:0;font-family:system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",' +
	'sans-serif;color:#1d2a24;background:#f6f8f7;line-height:1.6}' +
	'main{max-width:32rem;margin:0 auto;padding:3rem 1rem}h1{font-size:1.5rem}a{color:#0b6e4f}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
const CSP =
	`default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self'; ` +
	`base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export interface PlainPage {
	locale: Locale;
	status: number;
	title: MessageKey;
	message: MessageKey;
	params?: Params;
	/** Reload the page after this many seconds (a meta refresh: no script needed). */
	refreshSeconds?: number;
	/** A link back into the app, e.g. the home page. */
	link?: { href: string; label: MessageKey };
}

/** The page's HTML and the headers it must be sent with. */
export function renderPlainPage(page: PlainPage): {
	html: string;
	headers: Record<string, string>;
} {
	const t = (key: MessageKey): string => escapeHtml(translate(page.locale, key, page.params));
	const appName = escapeHtml(translate(page.locale, 'app.name'));
	const refresh =
		page.refreshSeconds === undefined
			? ''
			: `<meta http-equiv="refresh" content="${page.refreshSeconds}">`;
	const link = page.link
		? `<p><a href="${escapeHtml(page.link.href)}">${t(page.link.label)}</a></p>`
		: '';
	const html =
		`<!doctype html><html lang="${page.locale}"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1">${refresh}` +
		`<title>${t(page.title)} · ${appName}</title><style>${STYLE}</style></head>` +
		`<body><main><h1>${t(page.title)}</h1><p role="alert">${t(page.message)}</p>${link}` +
		`</main></body></html>`;
	return {
		html,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': CSP,
			'cache-control': 'no-store'
		}
	};
}

/** The same page as a fetch Response (for the hook). */
export function plainPageResponse(page: PlainPage): Response {
	const { html, headers } = renderPlainPage(page);
	return new Response(html, { status: page.status, headers });
}
