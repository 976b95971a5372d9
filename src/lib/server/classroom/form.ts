import { officeInstant } from '../../time/office';
import type { ScheduleInput } from './rules';

// Form fields to service inputs; the services validate the values.

function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

function number(form: FormData, name: string): number {
	const value = text(form, name).trim();
	return value === '' ? Number.NaN : Number(value);
}

/** The schedule form: one office day with a start and an end time. */
export function readScheduleForm(form: FormData): ScheduleInput {
	const day = text(form, 'date');
	const trainer = text(form, 'trainerId');
	return {
		courseId: number(form, 'courseId'),
		title: text(form, 'title'),
		startsAt: officeInstant(day, text(form, 'startTime')),
		endsAt: officeInstant(day, text(form, 'endTime')),
		place: text(form, 'place'),
		capacity: number(form, 'capacity'),
		classHours: number(form, 'classHours'),
		trainerId: trainer ? Number(trainer) : undefined,
		amlTraining: form.get('amlTraining') === 'on'
	};
}

/** The group form: a branch, a position, or both. */
export function readGroupForm(form: FormData): { branchId?: number; position?: string } {
	const branchId = text(form, 'branchId');
	const position = text(form, 'position').trim();
	return {
		branchId: branchId ? Number(branchId) : undefined,
		position: position || undefined
	};
}

/** Ticked roster boxes: staff ids. */
export function readStaffIds(form: FormData, name = 'staffId'): number[] {
	return form
		.getAll(name)
		.map((v) => Number(v))
		.filter((n) => Number.isInteger(n) && n > 0);
}
