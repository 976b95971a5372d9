import { toSessionUser, type SessionUser } from '../../../src/lib/server/auth/session';
import type { Staff } from '../../../src/lib/server/db/schema';
import type { Role } from '../../../src/lib/org/enums';
import type { TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

/** Three branches: HR and admin at the head office, a manager with two staff at 小湖, one in town. */
export async function smallOffice(app: TestApp) {
	const head = await makeBranch(app, { code: 'H00', name: '县局营业部', type: 'head_office' });
	const xiaohu = await makeBranch(app, { code: 'R01', name: '小湖支局', type: 'rural' });
	const city = await makeBranch(app, { code: 'U01', name: '人民路支局', type: 'urban' });
	const as = (row: Staff, roles: Role[]): SessionUser => toSessionUser(row, roles);
	const person = async (no: string, name: string, branchId: number, roles: Role[], more = {}) =>
		as(await makeStaff(app, { employeeNo: no, name, branchId, roles, ...more }), roles);
	return {
		head,
		xiaohu,
		city,
		hr: await person('H001', '人事王', head.id, ['learner', 'hr']),
		admin: await person('H002', '管理李', head.id, ['admin']),
		manager: await person('R100', '支局长张', xiaohu.id, ['learner', 'branch_manager'], {
			position: '支局长'
		}),
		teller: await person('R101', '储蓄员刘', xiaohu.id, ['learner']),
		newHire: await person('R102', '见习陈', xiaohu.id, ['learner'], { status: 'onboarding' }),
		cityTeller: await person('U101', '柜员赵', city.id, ['learner', 'mentor'])
	};
}
