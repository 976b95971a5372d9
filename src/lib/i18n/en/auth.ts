import type { auth as zh } from '../zh-CN/auth';

export const auth: Record<keyof typeof zh, string> = {
	'login.title': 'Staff sign-in',
	'login.username': 'Employee number',
	'login.password': 'Password',
	'login.submit': 'Sign in',
	'login.invalid': 'Employee number or password is incorrect.',
	'login.locked':
		'Too many failed sign-ins: this account is locked for 15 minutes. Try again later or contact HR.',
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
	'password.hint': 'At least {min} characters; mix letters, digits and symbols.'
};
