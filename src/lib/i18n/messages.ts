import { auth as enAuth } from './en/auth';
import { classroom as enClassroom } from './en/classroom';
import { common as enCommon } from './en/common';
import { competency as enCompetency } from './en/competency';
import { examdef as enExamdef } from './en/examdef';
import { exams as enExams } from './en/exams';
import { items as enItems } from './en/items';
import { learning as enLearning } from './en/learning';
import { onboarding as enOnboarding } from './en/onboarding';
import { org as enOrg } from './en/org';
import { questions as enQuestions } from './en/questions';
import { reports as enReports } from './en/reports';
import { roster as enRoster } from './en/roster';
import { spot as enSpot } from './en/spot';
import { integrity as enIntegrity } from './en/integrity';
import { makeup as enMakeup } from './en/makeup';
import { study as enStudy } from './en/study';
import { qr as enQr } from './en/qr';
import { history as enHistory } from './en/history';
import { calendar as enCalendar } from './en/calendar';
import { practice as enPractice } from './en/practice';
import { exports as enExports } from './en/exports';
import { auth as zhAuth } from './zh-CN/auth';
import { classroom as zhClassroom } from './zh-CN/classroom';
import { common as zhCommon } from './zh-CN/common';
import { competency as zhCompetency } from './zh-CN/competency';
import { examdef as zhExamdef } from './zh-CN/examdef';
import { exams as zhExams } from './zh-CN/exams';
import { items as zhItems } from './zh-CN/items';
import { learning as zhLearning } from './zh-CN/learning';
import { onboarding as zhOnboarding } from './zh-CN/onboarding';
import { org as zhOrg } from './zh-CN/org';
import { questions as zhQuestions } from './zh-CN/questions';
import { reports as zhReports } from './zh-CN/reports';
import { roster as zhRoster } from './zh-CN/roster';
import { spot as zhSpot } from './zh-CN/spot';
import { integrity as zhIntegrity } from './zh-CN/integrity';
import { makeup as zhMakeup } from './zh-CN/makeup';
import { study as zhStudy } from './zh-CN/study';
import { qr as zhQr } from './zh-CN/qr';
import { history as zhHistory } from './zh-CN/history';
import { calendar as zhCalendar } from './zh-CN/calendar';
import { selectPlurals } from './plural';
import { practice as zhPractice } from './zh-CN/practice';
import { exports as zhExports } from './zh-CN/exports';

// Each domain keeps its own pair of catalogues; English is typed against Chinese, so a key
// missing from either fails the type check.
const zhCN = {
	...zhCommon,
	...zhAuth,
	...zhOrg,
	...zhRoster,
	...zhLearning,
	...zhClassroom,
	...zhOnboarding,
	...zhQuestions,
	...zhExams,
	...zhExamdef,
	...zhCompetency,
	...zhItems,
	...zhSpot,
	...zhReports,
	...zhIntegrity,
	...zhMakeup,
	...zhStudy,
	...zhQr,
	...zhHistory,
	...zhCalendar,
	...zhPractice,
	...zhExports
};
export type MessageKey = keyof typeof zhCN;
export const MESSAGE_KEYS = Object.keys(zhCN) as MessageKey[];
const en: Record<MessageKey, string> = {
	...enCommon,
	...enAuth,
	...enOrg,
	...enRoster,
	...enLearning,
	...enClassroom,
	...enOnboarding,
	...enQuestions,
	...enExams,
	...enExamdef,
	...enCompetency,
	...enItems,
	...enSpot,
	...enReports,
	...enIntegrity,
	...enMakeup,
	...enStudy,
	...enQr,
	...enHistory,
	...enCalendar,
	...enPractice,
	...enExports
};

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_COOKIE = 'qualify_locale';

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
	return value in zhCN;
}

/** Looks up a message, picks its plural forms (./plural.ts) and fills its {placeholders}. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	const raw = catalogues[locale][key] ?? catalogues[DEFAULT_LOCALE][key] ?? key;
	if (!params) return raw;
	const template = selectPlurals(locale, raw, params);
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
