import {
	addRule,
	defineCompetency,
	getCompetencyManagePage,
	removeRule,
	updateCompetency
} from '$lib/server/competency/service';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();
// An empty field is NaN, so validation refuses it rather than reading it as 0.
const num = (form: FormData, name: string): number =>
	text(form, name) === '' ? NaN : Number(text(form, name));
const optionalId = (form: FormData, name: string): number | null =>
	text(form, name) === '' ? null : num(form, name);

export const load: PageServerLoad = (event) =>
	runLoad(
		event,
		async () =>
			await getCompetencyManagePage(
				event.locals.ctx,
				event.locals.user,
				event.url.searchParams.get('days')
			)
	);

export const actions: Actions = {
	define: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await defineCompetency(event.locals.ctx, event.locals.user, {
				code: text(form, 'code').toUpperCase(),
				name: text(form, 'name'),
				description: text(form, 'description'),
				validityMonths: num(form, 'validityMonths')
			});
			return { saved: true };
		});
	},
	update: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await updateCompetency(event.locals.ctx, event.locals.user, num(form, 'id'), {
				name: text(form, 'name'),
				description: text(form, 'description'),
				validityMonths: num(form, 'validityMonths')
			});
			return { saved: true };
		});
	},
	addRule: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await addRule(event.locals.ctx, event.locals.user, {
				competencyId: num(form, 'competencyId'),
				trigger: text(form, 'trigger'),
				examPurpose: text(form, 'examPurpose') || null,
				courseId: optionalId(form, 'courseId')
			});
			return { saved: true };
		});
	},
	removeRule: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await removeRule(event.locals.ctx, event.locals.user, num(form, 'ruleId'));
			return { saved: true };
		});
	}
};
