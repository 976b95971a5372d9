import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

test('a language switch posted without a body changes nothing and is no server error', async ({
	page
}) => {
	await page.goto('/login');
	const origin = new URL(page.url()).origin;
	const answer = await page.request.post('/locale', { headers: { origin }, maxRedirects: 0 });
	expect(answer.status()).toBe(303);
	expect(answer.headers()['location']).toBe('/');
});

test('a file over the upload limit is refused with the limit named, not as a server error', async ({
	page
}) => {
	await signIn(page, DEMO.hr);
	await page.goto('/manage/import', { waitUntil: 'networkidle' });
	await page.getByLabel('花名册文件（CSV）').setInputFiles({
		name: 'huge.csv',
		mimeType: 'text/csv',
		buffer: Buffer.alloc(12 * 1024 * 1024, 'a')
	});
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'文件太大（上限 11 MB），请拆分或压缩后重新上传。'
	);
});
