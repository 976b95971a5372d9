// The SQL that puts an instant on the office clock is built from the same offset as the JS
// (src/lib/time/office.ts); these hold the two to each other on a real database.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, row, type Db } from '../../../src/lib/server/db';
import { officeMinuteSql, officeMonthOf, officeMonthSql } from '../../../src/lib/server/db/dialect';
import { openSqlite } from '../../../src/lib/server/db/sqlite';
import { officeDayStart, officeMonth, toOfficeInput } from '../../../src/lib/time/office';

const { db } = openSqlite(':memory:');
afterAll(() => closeDatabase(db));

async function sqlMonthAndMinute(d: Db, ms: number): Promise<{ month: string; minute: string }> {
	return (await row<{ month: string; minute: string }>(
		d,
		`select ${officeMonthSql('?')} as month, ${officeMinuteSql('?')} as minute`,
		[ms, ms]
	))!;
}

describe('office clock in SQL', () => {
	it('gives the month and minute the JS office clock gives, across month and year ends', async () => {
		const instants = [
			officeDayStart('2026-11-01') - 1,
			officeDayStart('2026-11-01'),
			officeDayStart('2027-01-01') - 60_000,
			officeDayStart('2027-01-01'),
			Date.parse('2026-03-02T23:30:00Z'),
			Date.parse('2024-02-29T15:59:00Z')
		];
		for (
			let ms = Date.UTC(2025, 0, 1);
			ms < Date.UTC(2027, 0, 1);
			ms += 9 * 86_400_000 + 3_700_000
		) {
			instants.push(ms);
		}
		for (const ms of instants) {
			const minute = Math.floor(ms / 60_000) * 60_000;
			expect(await sqlMonthAndMinute(db, ms), String(ms)).toEqual({
				month: officeMonth(ms),
				minute: toOfficeInput(minute).replace('T', ' ')
			});
		}
	});

	it('puts a value in the same month through drizzle as through SQL text', async () => {
		const ms = officeDayStart('2026-11-01');
		const got = await row<{ month: string }>(db, sql`select ${officeMonthOf(db, ms)} as month`);
		expect(got).toEqual({ month: '2026-11' });
	});

	it('keeps the SQLite text that migration 0007 froze', () => {
		const migration = fs.readFileSync('drizzle/0007_attempt_summary_backfill.sql', 'utf8');
		expect(migration).toContain(officeMonthSql('a.`started_at`', 'sqlite'));
	});

	it('spells the same month for PostgreSQL with the same offset', () => {
		expect(officeMonthSql('a.started_at', 'postgres')).toBe(
			"to_char(to_timestamp((a.started_at + 28800000) / 1000.0) at time zone 'UTC', 'YYYY-MM')"
		);
	});
});
