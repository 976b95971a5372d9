// Shapes the question pages receive from the server, restated here so components never import
// server modules.
export type QuestionType = 'single' | 'multiple' | 'true_false' | 'fill_blank';
export const QUESTION_TYPES: QuestionType[] = ['single', 'multiple', 'true_false', 'fill_blank'];
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
	format: 'markdown' | 'html' | 'plain';
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
