import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<T extends Options> = ReturnType<
	typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>
>['values'];

/** Says what was wrong and how the command is called; returns the usage exit code, 2. */
export function usageError(usage: string, message: string): number {
	console.error(`${message}\nUsage: npm run cli -- ${usage}`);
	return 2;
}

/**
 * A command's options and its one positional argument (`what` names it in the complaint),
 * or the exit code after a usage error has been printed.
 */
export function parseSingle<T extends Options>(
	args: string[],
	usage: string,
	what: string,
	options: T
): { positional: string; values: Values<T> } | number {
	let parsed;
	try {
		parsed = parseArgs({ args, allowPositionals: true, options });
	} catch (e) {
		return usageError(usage, e instanceof Error ? e.message : String(e));
	}
	const [positional, ...extra] = parsed.positionals;
	if (!positional || extra.length > 0) return usageError(usage, `Give exactly one ${what}.`);
	return { positional, values: parsed.values };
}
