import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, openExam, signIn } from './helpers';

// Every main page, as the account that uses it, checked by axe against WCAG 2.1 A and AA at a
// phone's width and a desktop's. One sign-in per account keeps the whole file near a minute.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 800 }
] as const;

/** A page to scan: an address, or steps that end on the page (e.g. following a link). */
type Stop = string | (() => Promise<void>);

/** Scans the page on screen at each width; one line per offending element, to act on. */
async function scan(page: Page): Promise<string[]> {
	const found: string[] = [];
	for (const viewport of VIEWPORTS) {
		await page.setViewportSize({ width: viewport.width, height: viewport.height });
		// Two frames: the new layout is done and resize observers (scroll boxes) have run.
		await page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
		);
		const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
		const where = `${new URL(page.url()).pathname} @${viewport.name}`;
		for (const v of results.violations) {
			for (const node of v.nodes) {
				found.push(`${where}: ${v.id} (${v.impact ?? 'n/a'}) ${node.target.join(' ')} — ${v.help}`);
			}
		}
	}
	return found;
}

/** Visits each stop in turn, scans it, and fails once at the end listing every violation. */
async function scanAll(page: Page, stops: Stop[]): Promise<void> {
	const found: string[] = [];
	for (const stop of stops) {
		if (typeof stop === 'string') {
			const response = await page.goto(stop, { waitUntil: 'networkidle' });
			expect(response?.status(), stop).toBe(200);
		} else {
			await stop();
			await page.waitForLoadState('networkidle');
		}
		await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
		found.push(...(await scan(page)));
	}
	expect(found, `axe found violations:\n${found.join('\n')}\n`).toEqual([]);
}

/** Opens the first link on the current page whose address matches. */
function follow(page: Page, href: RegExp): () => Promise<void> {
	return async () => {
		const hrefs = await page
			.locator('a[href]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const target = hrefs.find((h) => href.test(h));
		expect(target, `a link matching ${href} on ${page.url()}`).toBeTruthy();
		await page.goto(target!, { waitUntil: 'networkidle' });
	};
}

test('the sign-in page, and a refused sign-in, pass axe', async ({ page }) => {
	await scanAll(page, [
		'/login',
		async () => {
			// An unknown number, so no demo account's failed-sign-in count moves.
			await page.getByLabel('工号').fill('A11Y0000');
			await page.getByLabel('密码').fill('not-the-password');
			await page.getByRole('button', { name: '登录' }).click();
			await expect(page.getByRole('alert')).toBeVisible();
		}
	]);
});

test('a new hire’s learning pages pass axe', async ({ page }) => {
	await signIn(page, DEMO.newHire);
	await scanAll(page, [
		'/',
		'/learn',
		follow(page, /^\/learn\/[^/]+$/),
		follow(page, /^\/learn\/[^/]+\/[^/]+\/[^/]+$/),
		'/hours',
		'/sessions',
		'/onboarding'
	]);
});

test('a teller’s exam and record pages pass axe', async ({ page }) => {
	await signIn(page, DEMO.teller);
	await scanAll(page, [
		'/',
		'/exams',
		// A formal exam's start page is only looked at: its start button is never pressed. The
		// first is the teller's spot exam (抽考与补考 leads the list); then a self-serve one.
		async () => {
			await page
				.getByRole('main')
				.getByRole('listitem')
				.filter({ hasNot: page.getByText('练习', { exact: true }) })
				.getByRole('link')
				.first()
				.click();
			await expect(page).toHaveURL(/\/(exams|spot)\/\d+$/);
		},
		// A practice quiz may be taken: exam-practice.spec resumes it if it is left open.
		() => openExam(page, /储蓄业务练习/),
		'/record'
	]);
});

test('a mentor’s pages pass axe', async ({ page }) => {
	await signIn(page, DEMO.mentor);
	await scanAll(page, ['/', '/mentoring', follow(page, /^\/mentoring\/\d+$/)]);
});

test('a branch manager’s staff and report pages pass axe', async ({ page }) => {
	// The manager's own branch keeps the staff list, report and spot exam short; HR's
	// office-wide views draw the same components, only longer.
	await signIn(page, DEMO.branchManager);
	await scanAll(page, [
		'/',
		'/manage/staff',
		'/manage/reports',
		'/manage/reports/pass-rates',
		'/manage/spot',
		follow(page, /^\/manage\/spot\/\d+$/)
	]);
});

test('HR’s management pages pass axe', async ({ page }) => {
	await signIn(page, DEMO.hr);
	await scanAll(page, [
		'/',
		`/manage/staff/${DEMO.teller}`,
		// One branch: the chart draws both lines and the table stays short enough to scan fast.
		'/manage/reports/pass-rates?branch=XJ08',
		'/manage/onboarding',
		follow(page, /^\/manage\/onboarding\/\d+$/),
		'/manage/calendar'
	]);
});

test('HR’s study-time pages pass axe', async ({ page }) => {
	await signIn(page, DEMO.hr);
	await scanAll(page, ['/manage/study-time', `/manage/hours/${DEMO.teller}`]);
});

test('a trainer’s bank and exam pages pass axe', async ({ page }) => {
	await signIn(page, DEMO.trainer);
	await scanAll(page, ['/', '/manage/banks', '/manage/exams']);
});

test('an administrator’s audit and password pages pass axe', async ({ page }) => {
	await signIn(page, DEMO.admin);
	await scanAll(page, ['/', '/manage/audit', '/password']);
});
