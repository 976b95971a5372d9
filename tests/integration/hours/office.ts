import { toSessionUser, type SessionUser } from '../../../src/lib/server/auth/session';
import type { Staff } from '../../../src/lib/server/db/schema';
import type { Role } from '../../../src/lib/org/enums';
import type { TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

/** Two branches: HR, a trainer and a courier in town; a manager with a teller at 小湖. */
export async function hoursOffice(app: TestApp) {
	const head = await makeBranch(app, { code: 'H00', name: '县局营业部', type: 'head_office' });
	const xiaohu = await makeBranch(app, { code: 'R01', name: '小湖支局', type: 'rural' });
	const as = (row: Staff, roles: Role[]): SessionUser => toSessionUser(row, roles);
	const person = async (no: string, branchId: number, roles: Role[], more = {}) =>
		as(await makeStaff(app, { employeeNo: no, branchId, roles, ...more }), roles);
	return {
		head,
		xiaohu,
		hr: await person('H001', head.id, ['learner', 'hr'], { position: '人事专员' }),
		trainer: await person('H002', head.id, ['learner', 'trainer'], { position: '培训讲师' }),
		courier: await person('H003', head.id, ['learner'], { position: '投递员' }),
		manager: await person('R100', xiaohu.id, ['learner', 'branch_manager'], {
			position: '支局长'
		}),
		teller: await person('R101', xiaohu.id, ['learner'], { position: '储蓄员' })
	};
}
