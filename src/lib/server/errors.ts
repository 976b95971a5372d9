import type { MessageKey } from '../i18n/messages';

/** A translatable problem: a message key plus the values it names. */
export interface Problem {
	key: MessageKey;
	params?: Record<string, string | number>;
	field?: string;
}

export class DomainError extends Error {
	constructor(
		message: string,
		readonly problems: Problem[]
	) {
		super(message);
	}
}

export class NotFound extends DomainError {
	constructor(what: string, key: MessageKey = 'error.notFound') {
		super(`not found: ${what}`, [{ key }]);
	}
}

export class Forbidden extends DomainError {
	constructor(reason: string, key: MessageKey = 'error.forbidden') {
		super(`forbidden: ${reason}`, [{ key }]);
	}
}

export class Invalid extends DomainError {
	constructor(problems: Problem[]) {
		super(`invalid: ${problems.map((p) => p.key).join(', ')}`, problems);
	}
}

/** No signed-in user where one is required: the web layer sends them to the login page. */
export class Unauthenticated extends DomainError {
	constructor() {
		super('unauthenticated', [{ key: 'login.expired' }]);
	}
}
