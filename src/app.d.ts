import type { SessionUser } from '$lib/server/auth/session';
import type { AppContext } from '$lib/server/context';
import type { Locale, MessageKey } from '$lib/i18n/messages';

declare global {
	namespace App {
		interface Error {
			/** A message key, translated by the error page. */
			message: MessageKey | string;
			/** Values the message names, e.g. the upload limit. */
			params?: Record<string, string | number>;
		}
		interface Locals {
			ctx: AppContext;
			user: SessionUser | null;
			session: { id: string; expiresAt: number } | null;
			locale: Locale;
		}
	}
}

export {};
