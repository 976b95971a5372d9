/** The largest file an import accepts: a county office's roster or question bank is far smaller. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type DecodeResult =
	{ ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false; reason: 'utf16' };

/**
 * Turns file bytes into text without asking the user which encoding they saved in.
 * Strict UTF-8 first (with or without BOM): GBK text is almost never valid UTF-8, so a
 * decoding failure means Excel or Notepad on a Chinese Windows desktop wrote GB18030/GBK.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
	// Excel's "Unicode Text" is UTF-16 with a BOM; decoding it as GB18030 would give garbage.
	if (
		bytes.length >= 2 &&
		((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
	) {
		return { ok: false, reason: 'utf16' };
	}
	try {
		// ignoreBOM false (the default) strips a leading UTF-8 BOM.
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return { ok: true, text, encoding: 'utf-8' };
	} catch {
		return { ok: true, text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
	}
}

/** A byte count as the "too large" messages show it: 10.5, or 10 rather than 10.0. */
export function formatMegabytes(bytes: number): string {
	return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
