// The office's practice settings.
import { recordAudit } from '../audit/service';
import { canSetPracticeRules, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { Invalid } from '../errors';
import { DEFAULT_MASTERY_THRESHOLD } from '../../practice/enums';
import * as data from './data';

/** Right answers in practice after the last wrong one that take a question out of 错题本. */
export async function getMasteryThreshold(db: Db): Promise<number> {
	return (await data.selectMasteryThreshold(db)) ?? DEFAULT_MASTERY_THRESHOLD;
}

/** Sets it (1–10); audited. */
export async function setMasteryThreshold(
	ctx: AppContext,
	user: SessionUser | null,
	value: number
): Promise<void> {
	const actor = requirePermission(user, canSetPracticeRules, 'sets practice rules');
	if (!Number.isInteger(value) || value < 1 || value > 10) {
		throw new Invalid([{ key: 'practice.error.threshold', field: 'threshold' }]);
	}
	await data.upsertMasteryThreshold(ctx.db, {
		masteryThreshold: value,
		updatedBy: actor.id,
		updatedAt: ctx.clock.now()
	});
	await recordAudit(ctx, {
		action: 'practice.settings',
		actorStaffId: actor.id,
		target: 'practice_setting:1',
		detail: { masteryThreshold: value }
	});
}
