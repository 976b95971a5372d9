import type { auth as zh } from '../zh-CN/auth';

export const auth: Record<keyof typeof zh, string> = {
	'login.title': 'Staff sign-in',
	'login.username': 'Employee number',
	'login.password': 'Password',
	'login.submit': 'Sign in',
	'login.invalid': 'Employee number or password is incorrect.',
	'login.wait':
		'Too many sign-in attempts: try again in {seconds, plural, one {# second} other {# seconds}}.',
	'login.captcha': 'Image code',
	'login.captchaHint': 'Type the 4 characters in the picture; case does not matter.',
	'login.captchaAlt': 'Image code picture with 4 characters',
	'login.captchaNew': 'New picture',
	'login.captchaHelp': 'Cannot read or see the picture? Ask HR to reset your password.',
	'login.captchaMissing':
		'There have been several failed sign-ins: type the image code and your password again to sign in.',
	'login.captchaWrong':
		'The image code is wrong or has expired: type the code in the new picture and your password again.',
	'login.forbidden':
		'The server refused this sign-in. Check that the address in the address bar is the one your administrator gave you, reload this page and try again; if it still fails, contact your administrator.',
	'login.refused':
		'The sign-in could not be completed (error {status}). Reload this page and try again; if it still fails, contact your administrator.',
	'login.offline': 'Cannot reach the server. Check the network and try again.',
	'login.missing': 'Enter your employee number and password.',
	'login.expired': 'Your session has ended. Please sign in again.',
	'password.title': 'Change password',
	'password.mustChange': 'You signed in with an initial password. Please set a new one first.',
	'password.current': 'Current password',
	'password.new': 'New password',
	'password.confirm': 'Confirm new password',
	'password.submit': 'Save new password',
	'password.changed': 'Your password has been changed.',
	'password.wrongCurrent': 'The current password is incorrect.',
	'password.tooShort': 'The new password needs at least {min} characters.',
	'password.mismatch': 'The two new passwords do not match.',
	'password.sameAsOld': 'The new password must differ from the current one.',
	'password.hint': 'At least {min} characters; mix letters, digits and symbols.',
	'password.reset.heading': 'Reset password',
	'password.reset.explain':
		'When someone forgets their password, give them a new initial password. The old one stops working at once, all their sessions end and any image code or waiting time their failed sign-ins caused is cleared; after signing in with the new one they must set their own.',
	'password.reset.open': 'Reset password',
	'password.reset.confirmTitle': 'Confirm password reset',
	'password.reset.confirmText':
		'Reset the password of {name} ({employeeNo})? The old password stops working at once and all their sessions end.',
	'password.reset.confirm': 'Reset password now',
	'password.reset.pending': 'Resetting password…',
	'password.reset.done': 'The password of {name} ({employeeNo}) has been reset.',
	'password.reset.newPassword': 'New initial password',
	'password.reset.once':
		'Hand it to the person directly or through a secure channel. It must be changed at first sign-in. It is shown only this once and cannot be seen again after leaving or reloading this page; if it is lost, reset again.',
	'password.reset.self': 'You cannot reset your own password here; use the Change password page.',
	'password.reset.left':
		'This person has left and the account is disabled; the password cannot be reset.',
	'password.reset.adminOnly':
		'Only an administrator can reset an administrator’s password; ask one.'
};
