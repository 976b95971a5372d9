import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Own instance: options set here never leak into other users of the global `marked`.
const marked = new Marked({ gfm: true, breaks: false });

/**
 * What lesson HTML may contain. Content is written by trainers, not by the public, but it is
 * still sanitized: an allow-list means a pasted snippet can never run script in a learner's
 * session.
 */
const OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [
		...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote'],
		...['ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
		...['pre', 'code', 'em', 'strong', 'del', 'a', 'img']
	],
	allowedAttributes: {
		a: ['href', 'title', 'rel'],
		img: ['src', 'alt', 'title'],
		ol: ['start'],
		th: ['align'],
		td: ['align'],
		code: ['class']
	},
	allowedClasses: { code: ['language-*'] },
	// Relative URLs (no scheme) stay allowed; anything else must be one of these.
	allowedSchemes: ['http', 'https', 'mailto'],
	// Images only from this server (a relative URL) or inline as data: URIs. An image from
	// another site would tell that site who opened which question or lesson, and when; the CSP
	// (img-src) refuses such images too, this keeps them out of the stored HTML.
	allowedSchemesByTag: { img: ['data'] },
	allowedSchemesAppliedToAttributes: ['href', 'src'],
	// "//evil.example" is an absolute link in disguise.
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	// An image whose address was refused above is left without one: drop it whole; and a data:
	// URI must hold an image.
	exclusiveFilter: (frame) =>
		frame.tag === 'img' &&
		(!frame.attribs.src || /^data:(?!image\/)/i.test(frame.attribs.src.trim())),
	transformTags: {
		a: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, rel: 'noopener noreferrer' }
		})
	}
};

/** Renders lesson markdown to HTML that is safe to show with {@html}. */
export function renderMarkdown(md: string): string {
	const html = marked.parse(md, { async: false });
	return sanitizeHtml(html, OPTIONS).trim();
}
