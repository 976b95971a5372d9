import { backup } from './backup';
import { calendar } from './calendar';
import { checkSchema } from './check-schema';
import { createAdmin } from './create-admin';
import { importQuestions } from './import-questions';
import { importStaff } from './import-staff';
import { migrateData } from './migrate-data';
import { report } from './report';
import { resetPassword } from './reset-password';
import { restore } from './restore';

export interface Command {
	usage: string;
	summary: string;
	/** Returns the exit code: 0 success, 1 invalid input, 2 usage error. */
	run(args: string[]): Promise<number>;
}

/** Every CLI command, by name. Each lives in its own file next to this one. */
export const commands: Record<string, Command> = {
	'import-staff': importStaff,
	'import-questions': importQuestions,
	'create-admin': createAdmin,
	'reset-password': resetPassword,
	report,
	'migrate-data': migrateData,
	backup,
	restore,
	'check-schema': checkSchema,
	calendar
};
