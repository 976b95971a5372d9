import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/lib/server/courses/render';

describe('renderMarkdown', () => {
	it('renders headings, lists, emphasis and blockquotes', () => {
		const html = renderMarkdown('## 唱收唱付\n\n- **唱收**\n- *唱付*\n\n> 先收款后记账');
		expect(html).toContain('<h2>唱收唱付</h2>');
		expect(html).toContain('<li><strong>唱收</strong></li>');
		expect(html).toContain('<em>唱付</em>');
		expect(html).toContain('<blockquote>');
	});

	it('keeps tables, with their alignment', () => {
		const html = renderMarkdown('| 券别 | 张数 |\n|:--|--:|\n| 100元 | 100 |');
		expect(html).toContain('<table>');
		expect(html).toContain('<th align="left">券别</th>');
		expect(html).toContain('<td align="right">100</td>');
	});

	it('keeps code blocks with their language class and escapes their content', () => {
		const html = renderMarkdown('```sql\nselect 1 < 2;\n```\n\n行内 `code`');
		expect(html).toContain('<pre><code class="language-sql">select 1 &lt; 2;');
		expect(html).toContain('<code>code</code>');
	});

	it('strips <script> and <style> elements with their content', () => {
		const html = renderMarkdown(
			'前<script>alert("x")</script>后\n\n<style>body{display:none}</style>'
		);
		expect(html).not.toMatch(/script|alert|style|display/);
		expect(html).toContain('前');
	});

	it('strips event handlers such as onerror and onclick', () => {
		const html = renderMarkdown('<img src="a.png" onerror="alert(1)"><p onclick="steal()">x</p>');
		expect(html).not.toMatch(/onerror|onclick|alert|steal/);
		expect(html).toContain('<img src="a.png" />');
	});

	it.each([
		'[点我](javascript:alert(1))',
		'<a href="JaVaScRiPt:alert(1)">点我</a>',
		'<a href="java&#09;script:alert(1)">点我</a>',
		'<a href="data:text/html,<script>alert(1)</script>">点我</a>',
		'<a href="//evil.example/x">点我</a>'
	])('drops the unsafe link in %s', (md) => {
		const html = renderMarkdown(md);
		expect(html).not.toMatch(/href|javascript|alert|evil/i);
		expect(html).toContain('点我');
	});

	it('drops javascript: and non-image data: image sources, keeps inline data: images', () => {
		const html = renderMarkdown(
			'![a](javascript:alert(1)) <img src="data:text/html;base64,AA" alt="b"> <img src="data:image/png;base64,AA" alt="c">'
		);
		expect(html).not.toMatch(/javascript|text\/html/);
		expect(html).toContain('<img src="data:image/png;base64,AA" alt="c" />');
	});

	it('keeps http, https, mailto and relative links, with rel="noopener noreferrer"', () => {
		const html = renderMarkdown(
			'[a](https://www.psbc.com) [b](http://x.cn) [c](mailto:hr@example.cn) [d](../02-aml/01-kyc) [e](x "t")'
		);
		for (const href of [
			'https://www.psbc.com',
			'http://x.cn',
			'mailto:hr@example.cn',
			'../02-aml/01-kyc'
		]) {
			expect(html).toContain(`<a href="${href}" rel="noopener noreferrer">`);
		}
		expect(html).toContain('<a href="x" title="t" rel="noopener noreferrer">');
	});

	it('overrides a rel or target the author wrote', () => {
		const html = renderMarkdown('<a href="https://x.cn" rel="opener" target="_blank">x</a>');
		expect(html).toBe('<p><a href="https://x.cn" rel="noopener noreferrer">x</a></p>');
	});

	it('keeps images from this server (relative src) with their alt text', () => {
		const html = renderMarkdown('![冠字号](img/b.png) <img src="/content/c.png" alt="c">');
		expect(html).toContain('<img src="img/b.png" alt="冠字号" />');
		expect(html).toContain('<img src="/content/c.png" alt="c" />');
	});

	it.each([
		'![样币](https://x.cn/a.png)',
		'<img src="http://tracker.example/p.gif?who=YZ0140">',
		'<img src="//tracker.example/p.gif">',
		'<img src="/\\tracker.example/p.gif">',
		'<img src=" HTTPS://tracker.example/p.gif">'
	])('drops an image from another site, which could track who reads it: %s', (md) => {
		const html = renderMarkdown(md);
		expect(html).not.toMatch(/<img|tracker|x\.cn/);
	});

	it('strips style attributes, iframes, forms and objects', () => {
		const html = renderMarkdown(
			'<p style="color:red">x</p><iframe src="https://evil.example"></iframe><form action="/x"><input name="p"></form><object data="x.swf"></object>'
		);
		expect(html).toBe('<p>x</p>');
	});
});
