import { ROLES, type BranchType, type Role, type StaffStatus } from '../../org/enums';
import type { Problem } from '../errors';

export type Parsed<T> = { ok: true; value: T } | { ok: false; value: string };

// What any employee number is made of, whatever the office adds: it is a sign-in name, it lands
// in file names, CSV cells and URLs, and nothing else in it has ever been a real number.
const EMPLOYEE_NO = /^[A-Za-z0-9_-]+$/;

/** What is wrong with an employee number, as a problem without its place; null when it is fine. */
export type EmployeeNoCheck = (value: string) => Problem | null;

/**
 * The employee number rule: letters, digits, `-` and `_`, and, when the office sets one
 * (EMPLOYEE_NO_PATTERN), its stricter pattern matched against the whole number. Throws on a
 * pattern that does not compile (the config check refuses one at start already).
 */
export function employeeNoRule(officePattern: string | null | undefined): EmployeeNoCheck {
	const office = officePattern ? new RegExp(`^(?:${officePattern})$`) : null;
	return (value): Problem | null => {
		if (!EMPLOYEE_NO.test(value)) {
			return { key: 'roster.error.employeeNoCharacters', params: { value } };
		}
		if (office && !office.test(value)) {
			return {
				key: 'roster.error.employeeNoPattern',
				params: { value, pattern: officePattern ?? '' }
			};
		}
		return null;
	};
}

const BRANCH_TYPE_NAMES: Record<string, BranchType> = {
	营业部: 'head_office',
	head_office: 'head_office',
	城区: 'urban',
	urban: 'urban',
	农村: 'rural',
	rural: 'rural',
	代办: 'agency',
	agency: 'agency',
	客服中心: 'call_center',
	call_center: 'call_center'
};

const STATUS_NAMES: Record<string, StaffStatus> = {
	在职: 'active',
	active: 'active',
	见习: 'onboarding',
	onboarding: 'onboarding',
	离职: 'left',
	left: 'left'
};

const ROLE_NAMES: Record<string, Role> = {
	学员: 'learner',
	learner: 'learner',
	导师: 'mentor',
	mentor: 'mentor',
	讲师: 'trainer',
	trainer: 'trainer',
	支局长: 'branch_manager',
	branch_manager: 'branch_manager',
	人事: 'hr',
	hr: 'hr',
	管理员: 'admin',
	admin: 'admin'
};

// Full-width ； and ， too: a Chinese input method types those by default.
const ROLE_SEPARATORS = /[;,、|；，]/;

function lookup<T>(table: Record<string, T>, raw: string): T | undefined {
	const key = raw.trim().toLowerCase();
	return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** 城区 or urban (any case) → 'urban'; blank → null, left for the caller to require. */
export function parseBranchType(raw: string): Parsed<BranchType | null> {
	if (!raw.trim()) return { ok: true, value: null };
	const value = lookup(BRANCH_TYPE_NAMES, raw);
	return value ? { ok: true, value } : { ok: false, value: raw.trim() };
}

/** 在职 / active and so on; blank means active. */
export function parseStatus(raw: string): Parsed<StaffStatus> {
	if (!raw.trim()) return { ok: true, value: 'active' };
	const value = lookup(STATUS_NAMES, raw);
	return value ? { ok: true, value } : { ok: false, value: raw.trim() };
}

/**
 * "导师;讲师" or "mentor, trainer": every name must be known (the first unknown one is
 * reported). Blank means learner. Sorted in ROLES order so two lists compare as strings.
 */
export function parseRoles(raw: string): Parsed<Role[]> {
	const names = raw
		.split(ROLE_SEPARATORS)
		.map((n) => n.trim())
		.filter(Boolean);
	if (names.length === 0) return { ok: true, value: ['learner'] };
	const roles = new Set<Role>();
	for (const name of names) {
		const role = lookup(ROLE_NAMES, name);
		if (!role) return { ok: false, value: name };
		roles.add(role);
	}
	return { ok: true, value: ROLES.filter((r) => roles.has(r)) };
}

export type DateResult =
	| { ok: true; value: string | null }
	| { ok: false; reason: 'format' | 'impossible'; value: string };

// YYYY-MM-DD, and YYYY/M/D as Excel shows dates on a Chinese desktop; one- or two-digit parts.
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/** A calendar date as YYYY-MM-DD; blank → null; 2026-02-30 is impossible, not rolled over. */
export function parseHireDate(raw: string): DateResult {
	const value = raw.trim();
	if (!value) return { ok: true, value: null };
	const match = DATE.exec(value);
	if (!match || value.includes('-') === value.includes('/')) {
		return { ok: false, reason: 'format', value };
	}
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	const real =
		month >= 1 &&
		month <= 12 &&
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day;
	if (!real) return { ok: false, reason: 'impossible', value };
	const pad = (n: number): string => String(n).padStart(2, '0');
	return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` };
}
