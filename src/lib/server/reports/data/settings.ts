/** The office's report settings (report_setting): read them all, set one. */
import type { Db } from '../../db';
import { reportSetting } from '../../db/schema';

/** Every stored setting, key → value. */
export async function selectReportSettings(db: Db): Promise<Map<string, string>> {
	const rows = await db
		.select({ key: reportSetting.key, value: reportSetting.value })
		.from(reportSetting);
	return new Map(rows.map((r) => [r.key, r.value]));
}

/** Sets `key` to `value`, recording who and when. */
export async function upsertReportSetting(
	db: Db,
	key: string,
	value: string,
	by: number | null,
	at: number
): Promise<void> {
	await db
		.insert(reportSetting)
		.values({ key, value, updatedBy: by, updatedAt: at })
		.onConflictDoUpdate({
			target: reportSetting.key,
			set: { value, updatedBy: by, updatedAt: at }
		});
}
