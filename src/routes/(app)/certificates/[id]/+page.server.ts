import { getCertificate, revokeCertificate } from '$lib/server/competency/service';
import { runAction, runLoad } from '$lib/server/http';
import { qrSvg } from '$lib/server/qr/service';
import type { Actions, PageServerLoad } from './$types';

// A non-numeric id is simply not found, like a missing one.
const idOf = (raw: string): number => (/^\d+$/.test(raw) ? Number(raw) : -1);

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const view = await getCertificate(event.locals.ctx, event.locals.user, idOf(event.params.id));
		const verifyUrl = `${event.url.origin}/verify/${view.certificate.verificationCode}`;
		return { ...view, verifyUrl, verifyQr: await qrSvg(verifyUrl) };
	});

export const actions: Actions = {
	revoke: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await revokeCertificate(
				event.locals.ctx,
				event.locals.user,
				idOf(event.params.id),
				String(form.get('reason') ?? '')
			);
			return { revoked: true };
		});
	}
};
