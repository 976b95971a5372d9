import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import QRCode from 'qrcode';
import { makeQrToken, QR_WINDOW_MS } from '../../src/lib/server/classroom/qr-token';
import { DEMO, signIn, signOut } from './helpers';

// The demo seed puts one session under way at boot (src/lib/server/demo/classroom.ts).
const TODAY_SESSION = '今日面授：柜面应急处置演练';

async function openTodaySession(page: Page): Promise<void> {
	await page.goto('/manage/sessions');
	await page.getByRole('link', { name: TODAY_SESSION }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TODAY_SESSION);
}

test('a trainer records attendance with a sign-in code the teller enters', async ({ page }) => {
	await signIn(page, DEMO.trainer);
	await openTodaySession(page);

	await page.getByLabel('按工号报名').fill(DEMO.teller);
	await page.getByRole('button', { name: '报名', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(/已报名 \d+ 人/);
	const tellerRow = page.getByRole('row').filter({ hasText: DEMO.teller });
	await expect(tellerRow).toBeVisible();

	await page.getByRole('button', { name: /开启签到码|延长有效期/ }).click();
	const codeBox = page.getByTestId('sign-in-code');
	await expect(codeBox).toHaveText(/^\d{6}$/);
	await expect(page.getByText(/有效至 \d{2}:\d{2}/)).toBeVisible();
	const code = (await codeBox.textContent())!.trim();
	await signOut(page);

	await signIn(page, DEMO.teller);
	await page.goto('/sessions');
	const input = page.getByLabel('签到码');
	await expect(input).toHaveAttribute('inputmode', 'numeric');
	await expect(input).toHaveAttribute('autocomplete', 'off');

	await input.fill(code === '000000' ? '000001' : '000000');
	await page.getByRole('button', { name: '签到', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('签到码不正确');

	await input.fill(code);
	await page.getByRole('button', { name: '签到', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(`签到成功：${TODAY_SESSION}`);
	await expect(page.getByRole('row').filter({ hasText: TODAY_SESSION })).toContainText('已出勤');
	await signOut(page);

	await signIn(page, DEMO.trainer);
	await openTodaySession(page);
	await expect(tellerRow).toContainText('签到码');
	await expect(tellerRow.getByRole('checkbox')).toBeChecked();
	await expect(page.getByText(/1 人次/)).toBeVisible();
});

/** The QR sign-in URLs the trainer's screen may show now: this window's and the last one's. */
function scanUrls(sessionId: number, origin: string): string[] {
	const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true, fileMustExist: true });
	try {
		const row = db
			.prepare('SELECT sign_in_secret AS secret FROM class_session WHERE id = ?')
			.get(sessionId) as { secret: string | null } | undefined;
		if (!row?.secret) throw new Error(`session ${sessionId} has no QR key`);
		const now = Date.now();
		return [now, now - QR_WINDOW_MS].map(
			(at) => `${origin}/sessions/scan/${makeQrToken(sessionId, row.secret!, at)}`
		);
	} finally {
		db.close();
	}
}

test('a learner signs in by scanning the QR code on the trainer’s screen', async ({ page }) => {
	await signIn(page, DEMO.trainer);
	await openTodaySession(page);
	const sessionId = Number(/\/manage\/sessions\/(\d+)/.exec(page.url())?.[1]);
	await page.getByLabel('按工号报名').fill(DEMO.mentor);
	await page.getByRole('button', { name: '报名', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(/已报名 \d+ 人/);
	await page.getByRole('button', { name: /开启签到码|延长有效期/ }).click();

	// The screen shows a QR code of a scan URL for this session (read back through its key).
	const qr = page.getByRole('img', { name: '签到二维码' });
	await expect(qr.locator('svg')).toBeVisible();
	const drawn = await qr.locator('path[stroke="#000000"]').getAttribute('d');
	const origin = new URL(page.url()).origin;
	const urls = scanUrls(sessionId, origin);
	const paths = await Promise.all(
		urls.map(async (u) => {
			const svg = await QRCode.toString(u, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
			return /stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
		})
	);
	const shown = urls[paths.indexOf(drawn ?? '')];
	expect(shown).toBeDefined();
	await signOut(page);

	// The mentor's phone opens the URL, signs in, and confirms.
	await signIn(page, DEMO.mentor);
	await page.goto(new URL(shown!).pathname);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('扫码签到');
	await page.getByRole('button', { name: '确认签到' }).click();
	await expect(page.getByRole('status')).toContainText(`签到成功：${TODAY_SESSION}`);
	await signOut(page);

	await signIn(page, DEMO.trainer);
	await openTodaySession(page);
	await expect(page.getByRole('row').filter({ hasText: DEMO.mentor })).toContainText('扫码签到');
});
