// Each named permission answers as the inline role list it replaced did, for every combination
// of roles a person can hold (64 of them): the refactor moved who-may-what, it changed none of it.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../src/lib/org/enums';
import * as can from '../../../src/lib/server/auth/permissions';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { Forbidden, Unauthenticated } from '../../../src/lib/server/errors';

/** Every set of roles, from none to all six. */
const ROLE_SETS: Role[][] = Array.from({ length: 2 ** ROLES.length }, (_, bits) =>
	ROLES.filter((_, i) => bits & (1 << i))
);

function person(roles: Role[], over: Partial<SessionUser> = {}): SessionUser {
	return {
		id: 7,
		employeeNo: 'T0007',
		name: '测试',
		branchId: 3,
		position: '柜员',
		status: 'active',
		roles,
		mustChangePassword: false,
		locale: null,
		...over
	};
}

/** What the old code wrote inline at each place: `hasRole(user, ...list)`, any of them. */
const OLD_LISTS: [string, can.Permission, Role[]][] = [
	['isOfficeWide', can.isOfficeWide, ['hr', 'admin']],
	['isLearner', can.isLearner, ['learner']],
	['managesOwnBranch', can.managesOwnBranch, ['branch_manager']],
	['canSeeBranchStaff', can.canSeeBranchStaff, ['hr', 'admin', 'branch_manager']],
	['canManageStaff', can.canManageStaff, ['hr', 'admin']],
	['canManageAdmins', can.canManageAdmins, ['admin']],
	['canResetPasswords', can.canResetPasswords, ['hr', 'admin']],
	['canImportRoster', can.canImportRoster, ['hr', 'admin']],
	['canSeeAudit', can.canSeeAudit, ['hr', 'admin']],
	[
		'canSeeHourRequirements',
		can.canSeeHourRequirements,
		['hr', 'admin', 'branch_manager', 'trainer']
	],
	['canSetHourRequirements', can.canSetHourRequirements, ['hr', 'admin']],
	['canRecordHours', can.canRecordHours, ['hr', 'admin', 'trainer']],
	['canCorrectHours', can.canCorrectHours, ['hr', 'admin']],
	['canRunSessions', can.canRunSessions, ['trainer', 'hr', 'admin']],
	['canManageAnySession', can.canManageAnySession, ['hr', 'admin']],
	['canManageOnboarding', can.canManageOnboarding, ['branch_manager', 'hr', 'admin']],
	['canCorrectOnboarding', can.canCorrectOnboarding, ['hr', 'admin']],
	['canManagePracticumTasks', can.canManagePracticumTasks, ['hr', 'admin']],
	['canMentor', can.canMentor, ['mentor']],
	['canCorrectPracticum', can.canCorrectPracticum, ['mentor', 'hr', 'admin']],
	['canManageBanks', can.canManageBanks, ['trainer', 'hr', 'admin']],
	['canDefineExam', can.canDefineExam, ['trainer', 'hr', 'admin']],
	['canGrantExtraTime', can.canGrantExtraTime, ['trainer', 'hr', 'admin']],
	['canAnalyseItems', can.canAnalyseItems, ['trainer', 'hr', 'admin']],
	['canReviewAnyAttempt', can.canReviewAnyAttempt, ['trainer', 'hr', 'admin']],
	['canTrackSpot', can.canTrackSpot, ['branch_manager', 'hr', 'admin']],
	['canManageSpotCampaigns', can.canManageSpotCampaigns, ['hr', 'admin']],
	['canManageCompetencies', can.canManageCompetencies, ['hr', 'admin']],
	['canRevokeCertificate', can.canRevokeCertificate, ['hr', 'admin']],
	['canSeeReports', can.canSeeReports, ['branch_manager', 'hr', 'admin']],
	['canManageCalendar', can.canManageCalendar, ['hr', 'admin']],
	['canSetPracticeRules', can.canSetPracticeRules, ['trainer', 'hr', 'admin']],
	['canSetReportSettings', can.canSetReportSettings, ['hr', 'admin']],
	['canFileRegulatorReturns', can.canFileRegulatorReturns, ['hr', 'admin']]
];

const oldHasRole = (roles: Role[], list: Role[]): boolean => list.some((r) => roles.includes(r));

describe('named permissions', () => {
	it('answer as the old inline role lists did, for every set of roles', () => {
		for (const [name, permission, list] of OLD_LISTS) {
			for (const roles of ROLE_SETS) {
				expect(permission(person(roles)), `${name} [${roles.join(',')}]`).toBe(
					oldHasRole(roles, list)
				);
			}
		}
	});

	it('cover every permission the module exports', () => {
		const exported = Object.entries(can)
			.filter(([name, value]) => typeof value === 'function' && /^(can|is|manages)/.test(name))
			.map(([name]) => name);
		const tabled = [
			...OLD_LISTS.map(([name]) => name),
			'canSeeBranch',
			'canSeeHoursOf',
			'canCountersignFor',
			'canPractise',
			'canSeeKnowledgeOf'
		];
		expect(exported.sort()).toEqual(tabled.sort());
	});

	it("see a branch's knowledge points: trainers and the office any, a branch manager their own", () => {
		for (const roles of ROLE_SETS) {
			const user = person(roles);
			for (const branchId of [3, 4, null]) {
				const expected =
					oldHasRole(roles, ['trainer', 'hr', 'admin']) ||
					(oldHasRole(roles, ['branch_manager']) && user.branchId === branchId);
				expect(can.canSeeKnowledgeOf(user, branchId), `[${roles.join(',')}] ${branchId}`).toBe(
					expected
				);
			}
		}
		expect(can.canPractise(person([]))).toBe(true);
		expect(can.canPractise({ ...person([]), status: 'left' })).toBe(false);
	});

	it('see a branch as before: office-wide any, a branch manager only their own', () => {
		for (const roles of ROLE_SETS) {
			for (const branchId of [3, 4]) {
				const user = person(roles);
				const old =
					oldHasRole(roles, ['hr', 'admin']) ||
					(oldHasRole(roles, ['branch_manager']) && user.branchId === branchId);
				expect(can.canSeeBranch(user, branchId), `[${roles.join(',')}] ${branchId}`).toBe(old);
			}
		}
	});

	it("see a person's hours as before: their own, trainers and the office all, a manager their branch", () => {
		for (const roles of ROLE_SETS) {
			for (const other of [
				{ id: 7, branchId: 9 },
				{ id: 8, branchId: 3 },
				{ id: 8, branchId: 4 }
			]) {
				const user = person(roles);
				const old =
					user.id === other.id ||
					oldHasRole(roles, ['hr', 'admin']) ||
					oldHasRole(roles, ['trainer']) ||
					(oldHasRole(roles, ['branch_manager']) && user.branchId === other.branchId);
				expect(can.canSeeHoursOf(user, other), `[${roles.join(',')}]`).toBe(old);
			}
		}
	});

	it('let only the manager of that branch countersign, whatever else a person is', () => {
		for (const roles of ROLE_SETS) {
			const user = person(roles);
			const manages = roles.includes('branch_manager');
			expect(can.canCountersignFor(user, 3)).toBe(manages);
			expect(can.canCountersignFor(user, 4)).toBe(false);
		}
	});

	it('scope branches and hours as before, refusing whoever manages nothing', () => {
		for (const roles of ROLE_SETS) {
			const user = person(roles);
			const branches = oldHasRole(roles, ['hr', 'admin'])
				? null
				: oldHasRole(roles, ['branch_manager'])
					? [3]
					: 'refused';
			const hours = oldHasRole(roles, ['hr', 'admin', 'trainer'])
				? null
				: oldHasRole(roles, ['branch_manager'])
					? [3]
					: 'refused';
			const attempt = (f: () => number[] | null) => {
				try {
					return f();
				} catch (e) {
					expect(e).toBeInstanceOf(Forbidden);
					return 'refused';
				}
			};
			expect(
				attempt(() => can.branchScope(user)),
				roles.join(',')
			).toEqual(branches);
			expect(
				attempt(() => can.hoursScope(user)),
				roles.join(',')
			).toEqual(hours);
		}
	});

	it('deny by default: nobody signed in is unauthenticated, a learner is forbidden', () => {
		expect(() => can.requirePermission(null, can.canDefineExam, 'defines exams')).toThrow(
			Unauthenticated
		);
		expect(() =>
			can.requirePermission(person(['learner']), can.canDefineExam, 'defines exams')
		).toThrow(Forbidden);
		const trainer = person(['trainer']);
		expect(can.requirePermission(trainer, can.canDefineExam, 'defines exams')).toBe(trainer);
	});
});
