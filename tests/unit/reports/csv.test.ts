import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ReportColumn, ReportResult } from '../../../src/lib/reports/types';
import { NO_RATE } from '../../../src/lib/reports/rate';
import { csvCells, streamReportCsv } from '../../../src/lib/server/reports/csv';

const columns: ReportColumn[] = [
	{ key: 'branchCode', label: 'reports.col.branchCode', kind: 'code' },
	{ key: 'name', label: 'reports.col.name', kind: 'text' },
	{ key: 'sat', label: 'reports.col.sat', kind: 'int' },
	{ key: 'passRate', label: 'reports.col.passRate', kind: 'rate' }
];

async function read(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

const result = (rows: ReportResult['rows']): ReportResult => ({
	name: 'pass-rates',
	filters: { from: '2026-01', to: '2026-11', branchCode: null, position: null, groupBy: 'branch' },
	columns,
	rows,
	trend: null
});

describe('report CSV', () => {
	it('starts with the BOM, uses CRLF and Chinese headers by default', async () => {
		const bytes = await read(streamReportCsv(result([]), columns));
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		expect(text).toBe('\uFEFF机构号,姓名,实考人数,通过率,通过率（分子）,通过率（分母）\r\n');
	});

	it('writes English headers with the English locale', async () => {
		const text = await new Response(streamReportCsv(result([]), columns, 'en')).text();
		expect(text).toContain('Branch code,Name,Sat,Pass rate,Pass rate (numerator)');
	});

	it('writes rates with 4 decimals and their counts, and "—" when nobody sat', async () => {
		const rows = [
			{ branchCode: '00123', name: '甲', sat: 3, passRate: { num: 2, den: 3, value: 2 / 3 } },
			{ branchCode: 'B2', name: '乙', sat: 0, passRate: { num: 0, den: 0, value: null } }
		];
		const text = await new Response(streamReportCsv(result(rows), columns)).text();
		const lines = text.split('\r\n');
		expect(lines[1]).toBe('00123,甲,3,0.6667,2,3');
		expect(lines[2]).toBe(`B2,乙,0,${NO_RATE},0,0`);
	});

	it('neutralises formula cells and round-trips every string through papaparse', async () => {
		const names = [
			'=HYPERLINK("http://x","y")',
			'+1',
			'-2',
			'@SUM(A1)',
			'\tTab',
			'\rCR',
			'王"五",六'
		];
		const rows = names.map((name, i) => ({ branchCode: `0${i}`, name, sat: i, passRate: null }));
		const text = await new Response(streamReportCsv(result(rows), columns)).text();
		const parsed = Papa.parse<string[]>(text, { newline: '\r\n' }).data.slice(1, -1);
		expect(parsed.map((r) => r[1])).toEqual(
			names.map((n) => (/^[=+\-@\t\r]/.test(n) ? `'${n}` : n))
		);
		expect(parsed.map((r) => r[0])).toEqual(names.map((_, i) => `0${i}`));
	});

	it('streams an iterable in chunks without materialising it', async () => {
		let produced = 0;
		function* many() {
			for (let i = 0; i < 2500; i++) {
				produced++;
				yield { branchCode: 'B1', name: `n${i}`, sat: i, passRate: null };
			}
		}
		const reader = streamReportCsv(many(), columns).getReader();
		await reader.read(); // header
		await reader.read(); // first chunk
		// The stream reads one chunk ahead of the consumer: bounded, never the whole source.
		expect(produced).toBeLessThanOrEqual(501);
		let lines = 0;
		for (let r = await reader.read(); !r.done; r = await reader.read()) {
			lines += new TextDecoder().decode(r.value).split('\r\n').length - 1;
		}
		expect(lines).toBe(2250);
	});

	it('reads an async source, such as rows arriving from the report worker', async () => {
		async function* arriving() {
			for (let i = 0; i < 600; i++) {
				if (i % 100 === 0) await new Promise((r) => setTimeout(r, 1));
				yield { branchCode: `=B${i}`, name: `n${i}`, sat: i, passRate: null };
			}
		}
		const text = await new Response(streamReportCsv(arriving(), columns)).text();
		const lines = text.split('\r\n');
		expect(lines).toHaveLength(602);
		expect(lines[1]).toBe(`'=B0,n0,0,${NO_RATE},,`);
		expect(lines[600]).toBe(`'=B599,n599,599,${NO_RATE},,`);
	});

	it('lets other work run between chunks instead of encoding everything at once', async () => {
		let produced = 0;
		function* many() {
			for (let i = 0; i < 2500; i++) {
				produced++;
				yield { branchCode: 'B1', name: `n${i}`, sat: i, passRate: null };
			}
		}
		const text = new Response(streamReportCsv(many(), columns)).text();
		// A request arriving meanwhile: its callback must not wait for the whole export.
		const seenByOtherWork = await new Promise<number>((r) => setImmediate(() => r(produced)));
		expect(seenByOtherWork).toBeLessThan(2500);
		expect((await text).split('\r\n')).toHaveLength(2502);
	});
});

describe('status codes and yes/no flags', () => {
	it('are written in words, in the export language', () => {
		const columns = [
			{ key: 'status', label: 'reports.col.status', kind: 'enum' as const },
			{ key: 'behind', label: 'reports.col.behindPace', kind: 'flag' as const }
		];
		expect(csvCells({ status: 'needs_retest', behind: 1 }, columns)).toEqual(['待复考', '是']);
		expect(csvCells({ status: 'competent', behind: 0 }, columns, 'en')).toEqual([
			'Competent',
			'No'
		]);
	});
});
