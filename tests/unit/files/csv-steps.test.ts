import { describe, expect, it } from 'vitest';
import { PARSE_CHUNK, parseCsv, parseCsvSteps } from '../../../src/lib/server/files/csv';

describe('parsing CSV in steps', () => {
	it('pauses every chunk of records and still reads every record at its own line', () => {
		const lines = Array.from({ length: PARSE_CHUNK * 2 + 10 }, (_, i) => `E${i},姓名${i}`);
		// A quoted cell running over two lines right where the first pause falls.
		lines[PARSE_CHUNK - 1] = `E${PARSE_CHUNK - 1},"第一行\n第二行"`;
		lines.splice(PARSE_CHUNK + 3, 0, '');
		const text = lines.join('\r\n');

		const steps = parseCsvSteps(text);
		const yielded: number[] = [];
		let next = steps.next();
		while (!next.done) {
			yielded.push(next.value);
			next = steps.next();
		}
		// Records so far at each pause (the blank line counts as a record read, not kept).
		expect(yielded).toEqual([PARSE_CHUNK, PARSE_CHUNK * 2 - 1]);
		expect(next.value).toEqual(parseCsv(text));
		const rows = next.value.rows;
		expect(rows).toHaveLength(PARSE_CHUNK * 2 + 10);
		expect(rows[PARSE_CHUNK - 1]).toEqual({
			line: PARSE_CHUNK,
			cells: [`E${PARSE_CHUNK - 1}`, '第一行\n第二行']
		});
		// One line further for the quoted line break, one more for the blank line.
		expect(rows.at(-1)).toEqual({
			line: PARSE_CHUNK * 2 + 12,
			cells: [`E${PARSE_CHUNK * 2 + 9}`, `姓名${PARSE_CHUNK * 2 + 9}`]
		});
	});
});
