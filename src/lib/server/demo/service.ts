/**
 * The demo office's front door: on the first start of a demo server, an office with a year of
 * history (staff, onboarding, learning, classes, banks, exams, spot exams, competencies), made
 * through the other domains' own services; and the accounts to try it with.
 */
import type { AppContext } from '../context';
import { seedDemoClassroom } from './classroom';
import { seedDemoAml } from './aml';
import { seedDemoCompetencies } from './competency';
import { seedDemoExams } from './exams';
import { seedDemoLearning } from './learning';
import { seedDemoMakeup } from './makeup';
import { seedDemoOnboarding } from './onboarding';
import { seedDemoPractice } from './practice';
import { seedDemoQuestionBanks } from './questions';
import { seedDemoIfEmpty } from './seed';
import { seedDemoSpot } from './spot';
import { seedDemoStudyTime } from './study-time';

export { announceDemo, demoAccounts, DEMO_PASSWORD, type DemoAccount } from './accounts';
export {
	seedDemoClassroom,
	seedDemoAml,
	seedDemoCompetencies,
	seedDemoExams,
	seedDemoIfEmpty,
	seedDemoLearning,
	seedDemoMakeup,
	seedDemoOnboarding,
	seedDemoPractice,
	seedDemoQuestionBanks,
	seedDemoSpot
};

/** Seeds the whole demo office when no staff exist yet; returns whether it did. */
export async function seedDemoOffice(ctx: AppContext): Promise<boolean> {
	if (!(await seedDemoIfEmpty(ctx))) return false;
	// Competencies first: their rules react to the clearances and submissions the others make.
	await seedDemoCompetencies(ctx);
	// Then onboarding: it clears some of this year's hires, who then owe hours like everyone.
	await seedDemoOnboarding(ctx);
	await seedDemoLearning(ctx);
	await seedDemoClassroom(ctx);
	await seedDemoAml(ctx);
	await seedDemoQuestionBanks(ctx);
	// After onboarding: the hires it cleared must also have passed the onboarding exam.
	await seedDemoExams(ctx);
	await seedDemoSpot(ctx);
	await seedDemoMakeup(ctx);
	await seedDemoStudyTime(ctx);
	await seedDemoPractice(ctx);
	return true;
}
