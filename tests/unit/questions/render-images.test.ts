import { describe, expect, it } from 'vitest';
import { renderQuestionText } from '../../../src/lib/server/questions/render';

describe('question text images', () => {
	it('drops an image from another site in HTML and markdown question text', () => {
		const html = '<p>这是什么券别？<img src="https://tracker.example/p.gif?exam=1"></p>';
		expect(renderQuestionText(html, 'html')).toBe('<p>这是什么券别？</p>');
		const md = '这是什么券别？ ![券](http://tracker.example/p.gif)';
		expect(renderQuestionText(md, 'markdown')).not.toContain('tracker');
	});

	it('keeps an image served by this server or inlined as data:', () => {
		const html = '<p><img src="/images/note.png" alt="券"><img src="data:image/gif;base64,R0"></p>';
		const out = renderQuestionText(html, 'html');
		expect(out).toContain('<img src="/images/note.png" alt="券" />');
		expect(out).toContain('<img src="data:image/gif;base64,R0" />');
	});
});
