import type { qr as zh } from '../zh-CN/qr';

export const qr: Record<keyof typeof zh, string> = {
	'classroom.method.qr': 'QR code',
	'qr.error.invalid':
		'This QR code is not valid. Scan the sign-in QR code on the trainer’s screen, or enter the 6-digit code on My sessions.',
	'qr.error.expired':
		'This QR code has expired (it changes every 30 seconds). Scan the code on the trainer’s screen again.',
	'qr.cert.label': 'QR code to verify this certificate',
	'qr.cert.caption': 'Scan to verify this certificate',
	'qr.session.heading': 'Sign in by QR code',
	'qr.session.label': 'Sign-in QR code',
	'qr.session.hint':
		'Learners scan it with their phone and sign in; the same rules as the 6-digit code apply. The code changes every 30 seconds.',
	'qr.scan.title': 'Sign in by QR code',
	'qr.scan.intro': 'Confirm that you are signing in to this classroom session.',
	'qr.scan.submit': 'Sign in',
	'qr.scan.toMySessions': 'My sessions'
};
