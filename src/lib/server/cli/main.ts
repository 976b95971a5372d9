// `npm run cli -- <command> [args]`: the same services the web app uses, from a terminal.
import { commands } from './commands';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

function usage(): string {
	const lines = Object.entries(commands).map(
		([name, c]) => `  ${name} ${c.usage}\n      ${c.summary}`
	);
	return `Usage: npm run cli -- <command> [options]\n\nCommands:\n${lines.join('\n')}`;
}

async function main(argv: string[]): Promise<number> {
	const [name, ...args] = argv;
	if (!name || name === '--help' || name === '-h') {
		console.log(usage());
		return name ? EXIT_OK : EXIT_USAGE;
	}
	const command = commands[name];
	if (!command) {
		console.error(`Unknown command "${name}".\n\n${usage()}`);
		return EXIT_USAGE;
	}
	return await command.run(args);
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(e: unknown) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(EXIT_INVALID);
	}
);
