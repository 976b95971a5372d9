// What the item-analysis table shows, as the browser receives it: the server's
// AnalysedQuestion fits this shape, and client code must not import from $lib/server.
import type { QuestionType } from '$lib/questions/enums';

export type ItemFlagName = 'tooEasy' | 'tooHard' | 'negative' | 'lowN';

export interface OptionTallyView {
	key: string;
	count: number;
	correct: boolean;
}

export interface ItemRowView {
	questionId: number;
	bankId: number;
	label: string;
	excerpt: string;
	type: QuestionType;
	retired: boolean;
	n: number;
	p: number | null;
	d: number | null;
	rpb: number | null;
	options: OptionTallyView[];
	blank: number;
	flags: ItemFlagName[];
	versions: { version: number; n: number; p: number | null }[];
}
