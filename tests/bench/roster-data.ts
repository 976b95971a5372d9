// The roster bench's data: the exam bench's office (2,000 staff with sessions) plus an HR
// person and 50 people who can sign in with a password, and a 100,000-row roster file that
// creates 98,100 people in 40 new branches and changes the position of 1,900 existing ones.
import { hashPassword } from '../../src/lib/server/auth/password';
import Database from 'better-sqlite3';
import { seedBenchDb, STAFF } from './seed';

export const ROSTER_ROWS = 100_000;
export const SIGN_IN_PASSWORD = 'Bench-Sign-In-2026';
/** Seeded staff B00001…B00050 sign in continuously during the commit. */
export const SIGN_IN_USERS = Array.from(
	{ length: 50 },
	(_, i) => `B${String(i + 1).padStart(5, '0')}`
);
// The first 100 seeded people stay out of the file: HR and the people signing in.
const UNTOUCHED = 100;
const BRANCHES = 40;

export interface RosterBenchData {
	/** HR's session cookie value (seeded person B00000 with the hr role). */
	hrToken: string;
	csv: Buffer;
	created: number;
	changed: number;
}

export async function seedRosterBench(file: string): Promise<RosterBenchData> {
	const seeded = await seedBenchDb(file);
	const c = new Database(file);
	const hash = await hashPassword(SIGN_IN_PASSWORD);
	c.prepare(`insert into staff_role (staff_id, role) values (1, 'hr')`).run();
	const setHash = c.prepare('update staff set password_hash = ? where employee_no = ?');
	c.transaction(() => SIGN_IN_USERS.forEach((no) => setHash.run(hash, no)))();
	c.close();

	const changed = STAFF - UNTOUCHED;
	const created = ROSTER_ROWS - changed;
	const lines = ['工号,姓名,机构代码,机构名称,机构类型,岗位,入职日期'];
	for (let i = UNTOUCHED; i < STAFF; i++) {
		lines.push(`B${String(i).padStart(5, '0')},员工${i},B00,,,柜员,`);
	}
	for (let i = 0; i < created; i++) {
		const b = (i % BRANCHES) + 1;
		// A new branch is described on its first line only, as HR files usually do it.
		const branch = i < BRANCHES ? `BR${b},第${b}支局,农村` : `BR${b},,`;
		lines.push(`R${String(i).padStart(6, '0')},新员工${i},${branch},储蓄员,2026-03-01`);
	}
	return { hrToken: seeded.tokens[0]!, csv: Buffer.from(lines.join('\r\n')), created, changed };
}
