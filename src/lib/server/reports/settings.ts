/**
 * The office's report settings: the pass-rate grid's threshold (cells below it are marked) and
 * the institution code the regulator's AML table is filed under. Unset, the threshold is 95 %.
 */
import type { SessionUser } from '../auth/session';
import { canSetReportSettings, requirePermission } from '../auth/permissions';
import type { AppContext } from '../context';
import { Invalid } from '../errors';
import { selectReportSettings, upsertReportSetting } from './data';

export interface ReportSettings {
	/** A share, 0–1: grid cells below it are marked. */
	passRateThreshold: number;
	/** 填报单位机构代码 for the AML table; '' until HR sets it. */
	amlInstitutionCode: string;
}

export const DEFAULT_PASS_RATE_THRESHOLD = 0.95;
const THRESHOLD = 'pass_rate_threshold';
const AML_CODE = 'aml_institution_code';
// Institution codes are letters and digits (金融机构编码 is 14 characters, a branch's own code shorter).
const CODE = /^[0-9A-Za-z-]{1,32}$/;

/** The settings, defaults filled in. */
export async function getReportSettings(ctx: AppContext): Promise<ReportSettings> {
	const stored = await selectReportSettings(ctx.db);
	const threshold = Number(stored.get(THRESHOLD));
	return {
		passRateThreshold:
			stored.has(THRESHOLD) && threshold >= 0 && threshold <= 1
				? threshold
				: DEFAULT_PASS_RATE_THRESHOLD,
		amlInstitutionCode: stored.get(AML_CODE) ?? ''
	};
}

function actorId(user: SessionUser | null): number | null {
	return user?.id ?? null;
}

/** Sets the threshold from a percentage typed by HR ("95", "92.5"). */
export async function setPassRateThreshold(
	ctx: AppContext,
	user: SessionUser | null | undefined,
	percent: string
): Promise<void> {
	const who = requirePermission(user, canSetReportSettings, 'sets report settings');
	const value = Number(percent.trim());
	if (percent.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100)
		throw new Invalid([{ key: 'exports.error.threshold', field: 'threshold' }]);
	const share = Math.round(value * 10) / 1000;
	await upsertReportSetting(ctx.db, THRESHOLD, String(share), actorId(who), ctx.clock.now());
}

/** Sets 填报单位机构代码; `user` null is the CLI, acting as the system. */
export async function setAmlInstitutionCode(
	ctx: AppContext,
	user: SessionUser | null | undefined,
	code: string
): Promise<void> {
	const who =
		user === null ? null : requirePermission(user, canSetReportSettings, 'sets report settings');
	const value = code.trim();
	if (!CODE.test(value))
		throw new Invalid([{ key: 'exports.error.institutionCode', field: 'code' }]);
	await upsertReportSetting(ctx.db, AML_CODE, value, actorId(who), ctx.clock.now());
}
