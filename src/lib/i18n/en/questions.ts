import type { questions as zh } from '../zh-CN/questions';

export const questions: Record<keyof typeof zh, string> = {
	'questions.error.unsupportedFile':
		'Cannot read “{name}”: only CSV files (.csv) and Moodle GIFT files (.gift or .txt) are supported. Save from Excel as CSV and upload again.',
	'questions.error.fileTooLarge':
		'The file is too large ({size} MB); the limit is {limit} MB. Split the bank into several files.',
	'questions.error.utf16':
		'The file is UTF-16 (Excel’s “Unicode Text”), which cannot be read. Save it from Excel as “CSV UTF-8 (Comma delimited)” or “CSV (Comma delimited)”.',
	'questions.error.fileEmpty': 'The file is empty. Choose a CSV or GIFT file with questions.',
	'questions.error.noDataRows':
		'The file has only the header line and no questions. Put one question per line below it.',
	'questions.error.noQuestions':
		'No questions found. In a GIFT file, leave a blank line between questions and put the answers in { }.',
	'questions.error.unterminatedQuote':
		'A quote opened on this line never closes, so the rest of the file cannot be read. Check that the double quotes on this line come in pairs.',
	'questions.error.duplicateColumn': '“{other}” and this column are the same; keep only one.',
	'questions.error.missingColumns':
		'Required columns are missing: {columns}. Add them to the header line.',
	'questions.error.extraCells':
		'This line has {count} cells, more than the {width} columns of the header. Put a stem or option containing commas in double quotes, or edit in Excel and save as CSV.',
	'questions.error.missingBank': 'No bank given. Fill in the bank’s name, e.g. 储蓄业务.',
	'questions.error.missingType':
		'No question type given. Use single, multiple, true_false or fill_blank (单选, 多选, 判断, 填空).',
	'questions.error.unknownType':
		'Unknown question type “{value}”. Use single, multiple, true_false or fill_blank (单选, 多选, 判断, 填空).',
	'questions.error.emptyStem': 'The stem is empty. Write the question.',
	'questions.error.badDifficulty':
		'Unknown difficulty “{value}”. Use a number from 1 to 5 or 易, 较易, 中, 较难, 难; leave it empty for 3.',
	'questions.error.optionGap':
		'The options have a gap ({letters} missing). Fill the options in order A, B, C… without gaps.',
	'questions.error.tooFewOptions':
		'A choice question needs at least two options; this one has {count}. Add options.',
	'questions.error.tooManyOptions':
		'This question has {count} options; at most {max} are allowed. Remove some.',
	'questions.error.missingAnswer': 'No answer given. Fill in the correct answer.',
	'questions.error.badAnswerLetters':
		'The answer “{value}” is not option letters. Write the letters of the correct options, e.g. B, ACD, A,C,D or A、C.',
	'questions.error.singleManyAnswers':
		'A single-choice question has one correct answer, but “{value}” names more. If several are correct, change the type to multiple.',
	'questions.error.answerNoOption':
		'There is no option {letter} for this answer. Check the answer or add option {letter}.',
	'questions.error.optionsOnTrueFalse':
		'A true/false question takes no options. Clear the option cells, or correct the type if this is a choice question.',
	'questions.error.badTrueFalse':
		'The true/false answer “{value}” is not recognised. Write 对 or 错 (or 正确/错误, T/F, true/false, √/×).',
	'questions.error.optionsOnFillBlank':
		'A fill-in question takes no options. Clear the option cells and put every accepted answer in the answer cell, separated by |.',
	'questions.error.duplicateExternalId':
		'Id {value} is repeated: line {firstLine} already uses it. Every question in a file needs its own id.',
	'questions.error.giftUnclosedName': 'The question name has no closing ::. Write ::name:: stem.',
	'questions.error.giftUnclosedBrace':
		'The answer block’s { has no matching }. Add the }; write \\{ for a brace shown in the stem.',
	'questions.error.giftStrayBrace':
		'There is a } too many here. Write \\} for a brace shown in the stem.',
	'questions.error.giftExtraBrace':
		'A question has only one answer block {…}. Remove the extra braces or write \\{ and \\}; leave a blank line between questions.',
	'questions.error.giftUnknownFormat':
		'Unknown format marker {value}. Use [markdown], [html], [plain] or [moodle].',
	'questions.error.giftUnknownCommand':
		'Unknown command {value}. GIFT files support only $CATEGORY:.',
	'questions.error.giftTextOutsideAnswer':
		'“{value}” in the answer block lacks a leading = or ~. Right answers start with =, wrong ones with ~.',
	'questions.error.giftBadWeight':
		'The weight %{value}% is not understood. Write a number from -100 to 100, e.g. ~%50%.',
	'questions.error.giftEmptyAnswer':
		'Answer {position} is empty. Write the answer or remove the stray = / ~.',
	'questions.error.giftManyRight':
		'A single-choice question has {count} right answers marked with =. Only one is allowed; for several right answers write a multiple-answer question, e.g. ~%50%A ~%50%B.',
	'questions.error.giftNoRightAnswer':
		'The answer block has no right answer. Mark it with = (single choice, short answer) or ~%weight% (multiple answers, e.g. ~%50%).',
	'questions.error.giftWeightsNot100':
		'The right answers’ weights add up to {sum}%, not 100%. Adjust the %weight% values.',
	'questions.error.giftNoFullCreditAnswer':
		'The short answer has no full-credit answer. Write at least one = answer without a weight (or with %100%).',
	'questions.error.giftNoBank':
		'{count} questions have no bank. Choose a bank when importing, or start the file with a line $CATEGORY: bank name.',
	'questions.warning.ignoredColumns':
		'These columns are not recognised and will be ignored: {columns}.',
	'questions.warning.partialAnswerDropped':
		'The partial-credit answer “{value}” ({weight}%) is left out: fill-in questions accept full-credit answers only.',
	'questions.warning.answerFeedbackDropped':
		'The feedback on the fill-in answer “{value}” is not imported.',
	'questions.skipped.matching': 'Matching',
	'questions.skipped.numerical': 'Numerical',
	'questions.skipped.essay': 'Essay',
	'questions.skipped.description': 'Description (no answers)',
	'questions.skipped.other': 'Other type'
};
