import type { DayInput } from './day-input';
import type { NoteInput } from './notes';

const text = (form: FormData, name: string): string => String(form.get(name) ?? '');

/** An empty or non-numeric field becomes NaN, which the rules then reject with a message. */
export function numberField(form: FormData, name: string): number {
	const raw = text(form, name).trim();
	return raw === '' ? Number.NaN : Number(raw);
}

/** A practicum day as posted by the record or correction form. */
export function readDayForm(form: FormData): DayInput & { reason: string } {
	return {
		dayNumber: numberField(form, 'dayNumber'),
		workDate: text(form, 'workDate'),
		tasks: form.getAll('tasks').map(String),
		hours: numberField(form, 'hours'),
		observations: text(form, 'observations'),
		reason: text(form, 'reason')
	};
}

export function readNoteForm(form: FormData): NoteInput {
	return {
		heldOn: text(form, 'heldOn'),
		minutes: numberField(form, 'minutes'),
		topic: text(form, 'topic'),
		notes: text(form, 'notes')
	};
}
