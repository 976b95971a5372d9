import { expect, test } from '@playwright/test';
import QRCode from 'qrcode';
import { DEMO, signIn } from './helpers';

test('a teller opens their record and certificate, and anyone can verify it', async ({
	page,
	browser
}) => {
	// The competency demo gives the journey teller a 反洗钱 certificate that lapses soon.
	await signIn(page, DEMO.teller);
	await page.getByRole('link', { name: '能力档案' }).click();
	await expect(page).toHaveURL(/\/record$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('员工能力档案');
	const row = page.locator('tr[data-code="AML"]');
	await expect(row.getByRole('rowheader')).toHaveText('反洗钱');
	await expect(row).toContainText('合格');
	await expect(page.getByRole('status')).toContainText('反洗钱');

	const certificates = page.locator('section', {
		has: page.getByRole('heading', { name: '证书' })
	});
	const link = certificates.getByRole('link', { name: /^QF-\d{4}-\d{6}$/ }).first();
	const number = (await link.innerText()).trim();
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('上岗资格证书');
	await expect(page.getByTestId('cert-number')).toHaveText(number);
	const code = (await page.getByTestId('verify-code').innerText()).trim();
	expect(code.length).toBeGreaterThanOrEqual(16);
	const url = (await page.getByTestId('verify-url').innerText()).trim();
	expect(url.endsWith(`/verify/${code}`)).toBe(true);
	// A QR code of that URL, as vector SVG drawn by the server: the same modules as a fresh one.
	const qr = page.getByRole('img', { name: '证书查验二维码' });
	await expect(qr.locator('svg')).toBeVisible();
	const drawn = await qr.locator('path[stroke="#000000"]').getAttribute('d');
	const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	expect(drawn).toBe(/stroke="#000000" d="([^"]+)"/.exec(svg)?.[1]);

	// A stranger, signed out in a fresh browser context.
	const stranger = await browser.newContext();
	const anon = await stranger.newPage();
	await anon.goto(`/verify/${code}`);
	await expect(anon).toHaveURL(new RegExp(`/verify/${code}$`));
	await expect(anon.getByRole('heading', { level: 1 })).toHaveText('证书查验');
	await expect(anon.locator('.result')).toHaveAttribute('data-status', 'valid');
	await expect(anon.getByText('该证书有效。')).toBeVisible();
	await expect(anon.getByTestId('verify-name')).not.toBeEmpty();
	await expect(anon.getByText(number)).toBeVisible();
	// No app chrome and not indexed.
	await expect(anon.getByRole('navigation')).toHaveCount(0);
	await expect(anon.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

	await anon.goto('/verify/not-a-code');
	await expect(anon.locator('.result')).toHaveAttribute('data-status', 'unknown');
	await expect(anon.getByText('未找到与该验证码对应的证书')).toBeVisible();
	await expect(anon.getByTestId('verify-name')).toHaveCount(0);
	await stranger.close();
});
