import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { certificate } from '../../../src/lib/server/db/schema';
import { load } from '../../../src/routes/(app)/certificates/[id]/+page.server';
import { competencyWorld } from './setup';

/** The modules (dark squares) of a QR code SVG as drawn by the qrcode package: its path data. */
function darkPath(svg: string): string {
	const paths = [...svg.matchAll(/<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/g)];
	expect(paths).toHaveLength(1);
	return paths[0]![1]!;
}

describe('the certificate page', () => {
	it('carries an SVG QR code of its /verify URL, drawn on the server', async () => {
		const world = await competencyWorld();
		await world.sit(world.teller, 'certification', true);
		const cert = (await world.app.db.select().from(certificate).get())!;
		const event = {
			locals: { ctx: world.app, user: world.teller },
			params: { id: String(cert.id) },
			url: new URL(`https://qualify.example/certificates/${cert.id}`)
		};
		const page = (await load(event as unknown as Parameters<typeof load>[0])) as {
			verifyUrl: string;
			verifyQr: string;
		};
		expect(page.verifyUrl).toBe(`https://qualify.example/verify/${cert.verificationCode}`);
		expect(page.verifyQr).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		// The same modules as a QR code of that URL, and not of another certificate's.
		const expected = await QRCode.toString(page.verifyUrl, {
			type: 'svg',
			errorCorrectionLevel: 'M',
			margin: 2
		});
		expect(darkPath(page.verifyQr)).toBe(darkPath(expected));
		const other = await QRCode.toString(
			`https://qualify.example/verify/X${cert.verificationCode}`,
			{
				type: 'svg',
				errorCorrectionLevel: 'M',
				margin: 2
			}
		);
		expect(darkPath(page.verifyQr)).not.toBe(darkPath(other));
	});
});
