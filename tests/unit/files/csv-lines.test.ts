import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLines } from '../../../src/lib/server/files/service';

describe('CSV lines', () => {
	it('quotes and escapes exactly as papaparse does, for every awkward cell', () => {
		const awkward = [
			'',
			'plain',
			'储蓄柜面业务',
			'a,b',
			'say "hi"',
			'"',
			'line\nbreak',
			'cr\rhere',
			'\r\n',
			' leading',
			'trailing ',
			' ',
			'\uFEFFbom',
			"'=SUM(A1)",
			'tab\tinside',
			'0.6667',
			'—'
		];
		const rows = awkward.map((cell, i) => [cell, awkward[(i + 3) % awkward.length]!, 'x']);
		expect(csvLines(rows)).toBe(Papa.unparse(rows, { newline: '\r\n', header: false }) + '\r\n');
		expect(csvLines([['a "b"', 'c']])).toBe('"a ""b""",c\r\n');
	});
});
