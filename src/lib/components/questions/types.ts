// Shapes the question pages receive from the server, restated here so components never import
// server modules; the vocabularies come from $lib/questions/enums, as the schema's do.
import type { QuestionType, TextFormat } from '$lib/questions/enums';

export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

export interface OptionContent {
	key: string;
	text: string;
	correct: boolean;
	weight: number | null;
	feedback: string | null;
}

export interface QuestionContent {
	type: QuestionType;
	format: TextFormat;
	category: string | null;
	stem: string;
	options: OptionContent[];
	correctBoolean: boolean | null;
	acceptedAnswers: string[];
	explanation: string;
	difficulty: number;
	tags: string[];
	competency: string | null;
}

export interface RenderedVersion {
	id: number;
	version: number;
	createdAt: number;
	createdBy: string | null;
	content: QuestionContent;
	html: {
		stem: string;
		options: { key: string; html: string; feedback: string | null }[];
		explanation: string;
	};
}
