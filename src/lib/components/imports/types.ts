// Shapes the import preview pages (roster, question bank) share.

/** A problem or warning found in an uploaded file, with its line and column when it has them. */
export interface Finding {
	line?: number | string | null;
	column?: number | string | null;
	key: string;
	params?: Record<string, string | number>;
}
