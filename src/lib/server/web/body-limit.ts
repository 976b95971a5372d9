/**
 * The largest request body the server accepts (adapter-node's BODY_SIZE_LIMIT). Roster and
 * question files may be up to 10 MB, so the default is 11 MB rather than adapter-node's 512 KB.
 */
export const DEFAULT_BODY_SIZE_LIMIT = '11M';

const UNITS: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** Bytes in a BODY_SIZE_LIMIT value: a number with an optional K, M or G, as adapter-node reads it. */
export function parseByteSize(value: string): number {
	const unit = UNITS[value.at(-1)?.toUpperCase() ?? ''];
	return unit ? Number(value.slice(0, -1)) * unit : Number(value);
}

/** The limit in force, in whole megabytes as a person reads it ("11"). */
export function bodyLimitMegabytes(env: NodeJS.ProcessEnv = process.env): string {
	const bytes = parseByteSize(env.BODY_SIZE_LIMIT || DEFAULT_BODY_SIZE_LIMIT);
	return String(Math.round((bytes / 1024 ** 2) * 10) / 10);
}
