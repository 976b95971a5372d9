import { Invalid } from '../errors';

const MAX_NAME = 50;

/** A bank name as the banks page takes it: present and not too long. */
export function checkBankName(name: string): void {
	if (!name) throw new Invalid([{ key: 'questions.bank.error.nameMissing', field: 'name' }]);
	if (name.length > MAX_NAME) {
		throw new Invalid([
			{ key: 'questions.bank.error.nameTooLong', params: { max: MAX_NAME }, field: 'name' }
		]);
	}
}
