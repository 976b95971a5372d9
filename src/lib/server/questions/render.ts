import { renderMarkdown } from '../courses/service';
import type { TextFormat } from '../../questions/enums';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/**
 * Question text as HTML that is safe for {@html}: markdown rendered, HTML (GIFT [html])
 * passed through the same renderer so the lesson allow-list sanitizes it, plain text escaped.
 */
export function renderQuestionText(text: string, format: TextFormat): string {
	if (format === 'plain') {
		const escaped = text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
		return `<p>${escaped.replace(/\r?\n/g, '<br>')}</p>`;
	}
	return renderMarkdown(text);
}
