import { eq } from 'drizzle-orm';
import { issueCaptcha } from '../../src/lib/server/auth/captcha';
import type { AppContext } from '../../src/lib/server/context';
import { loginCaptcha } from '../../src/lib/server/db/schema';

/** The stored answer of a challenge: what a person reads off the image. */
export async function captchaAnswer(app: AppContext, id: string): Promise<string> {
	const row = await app.db.select().from(loginCaptcha).where(eq(loginCaptcha.id, id)).get();
	if (!row) throw new Error(`no open CAPTCHA ${id}`);
	return row.answer;
}

/** A fresh challenge for `ip`, solved: the captcha field of a sign-in that got the image right. */
export async function solvedCaptcha(
	app: AppContext,
	ip: string | null
): Promise<{ id: string; answer: string }> {
	const { id } = await issueCaptcha(app, ip);
	return { id, answer: await captchaAnswer(app, id) };
}
