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
		'{count, plural, one {# question has} other {# questions have}} no bank. Choose a bank when importing, or start the file with a line $CATEGORY: bank name.',
	'questions.warning.ignoredColumns':
		'These columns are not recognised and will be ignored: {columns}.',
	'questions.warning.giftRepeatedName':
		'The question name “{value}” is also used on line {firstLine}. Moodle names are titles, not ids: this question is imported as well, with the id “{id}”.',
	'questions.warning.partialAnswerDropped':
		'The partial-credit answer “{value}” ({weight}%) is left out: fill-in questions accept full-credit answers only.',
	'questions.skipped.matching': 'Matching',
	'questions.skipped.numerical': 'Numerical',
	'questions.skipped.essay': 'Essay',
	'questions.skipped.description': 'Description (no answers)',
	'questions.skipped.other': 'Other type',
	'questions.error.stemTooLong':
		'The stem is too long: at most {max} characters. Please shorten it.',
	'questions.error.noCorrectOption':
		'No correct answer is marked. Tick at least one correct option.',
	'questions.bank.error.nameMissing': 'Enter a name for the bank.',
	'questions.bank.error.nameTooLong': 'A bank name may have at most {max} characters.',
	'questions.bank.error.nameTaken':
		'A bank named “{name}” already exists. Choose another name, or add questions to that bank.',
	'questions.form.error.externalIdTooLong': 'An id may have at most {max} characters.',
	'questions.form.error.externalIdTaken':
		'This bank already has a question with id {value}. Choose another id, or open that question and edit it.',
	'questions.retire.error.reason': 'Give a reason; the audit log records it.',
	'questions.retire.error.already': 'This question is already retired.',
	'questions.restore.error.notRetired':
		'This question is not retired; there is nothing to restore.',
	'questions.import.error.noFile': 'Choose a question file to upload.',
	'questions.import.error.unknownBank':
		'There is no bank named “{name}”. Create it on the banks page first, or fill in the bank column in the file.',
	'questions.import.error.alreadyCommitted': 'This file has already been imported.',
	'questions.import.error.discarded': 'This import was discarded. Upload the file again.',
	'questions.import.error.hasProblems':
		'The file still has {count, plural, one {# problem} other {# problems}}; no question was imported. Fix them and upload it again.',
	'questions.type.single': 'Single choice',
	'questions.type.multiple': 'Multiple choice',
	'questions.type.true_false': 'True/false',
	'questions.type.fill_blank': 'Fill-in',
	'questions.difficulty.1': '1 easy',
	'questions.difficulty.2': '2 fairly easy',
	'questions.difficulty.3': '3 medium',
	'questions.difficulty.4': '4 fairly hard',
	'questions.difficulty.5': '5 hard',
	'questions.status.active': 'In use',
	'questions.status.retired': 'Retired',
	'questions.banks.title': 'Question banks',
	'questions.banks.intro':
		'Questions in the banks are used for practice and exams. Editing a question makes a new version; papers already answered keep the version they showed.',
	'questions.banks.none': 'There are no banks yet. Create one, or import a question file.',
	'questions.banks.caption': 'Banks and their questions',
	'questions.banks.name': 'Bank',
	'questions.banks.active': 'In use',
	'questions.banks.retired': 'Retired',
	'questions.banks.importLink': 'Import a question file (CSV or GIFT)',
	'questions.bank.create.title': 'New bank',
	'questions.bank.create.name': 'Bank name',
	'questions.bank.create.description': 'Description (optional)',
	'questions.bank.create.submit': 'Create bank',
	'questions.bank.back': 'Back to the banks',
	'questions.filter.title': 'Filter questions',
	'questions.filter.text': 'Search stem or id',
	'questions.filter.category': 'Category',
	'questions.filter.type': 'Type',
	'questions.filter.difficulty': 'Difficulty',
	'questions.filter.tag': 'Topic',
	'questions.filter.retired': 'Status',
	'questions.filter.any': 'All',
	'questions.filter.submit': 'Filter',
	'questions.filter.clear': 'Clear filters',
	'questions.list.caption': 'Questions ({total})',
	'questions.list.none': 'No question matches.',
	'questions.list.id': 'Id',
	'questions.list.stem': 'Stem',
	'questions.list.version': 'Version',
	'questions.list.pages': 'Pages',
	'questions.list.page': 'Page {page} of {pageCount}',
	'questions.list.prev': 'Previous',
	'questions.list.next': 'Next',
	'questions.new.title': 'New question',
	'questions.new.submit': 'Save question',
	'questions.form.externalId': 'Id (optional)',
	'questions.form.externalIdHint':
		'With an id, re-importing the same id makes a new version of this question.',
	'questions.form.category': 'Category (optional)',
	'questions.form.stem': 'Stem (markdown)',
	'questions.form.options': 'Options',
	'questions.form.optionsHint':
		'Fill in the options in order and tick the correct ones; leave unused options empty. Weights give partial credit in multiple choice (optional, -100 to 100).',
	'questions.form.option': 'Option {key}',
	'questions.form.correct': 'Correct',
	'questions.form.weight': 'Weight %',
	'questions.form.feedback': 'Feedback',
	'questions.form.trueFalse': 'Correct answer',
	'questions.form.true': 'True',
	'questions.form.false': 'False',
	'questions.form.accepted': 'Accepted answers',
	'questions.form.acceptedHint':
		'One per line, or separated by |. Grading ignores surrounding spaces, full/half width and case.',
	'questions.form.explanation': 'Explanation (optional)',
	'questions.form.difficulty': 'Difficulty',
	'questions.form.tags': 'Topics (separated by ; or 、)',
	'questions.form.competency': 'Competency code (optional)',
	'questions.form.pending': 'Saving…',
	'questions.question.title': 'Question {id}',
	'questions.question.meta': '{bank} · {type} · difficulty {difficulty} · version {version}',
	'questions.question.answer': 'Correct answer: {answer}',
	'questions.question.correctMark': '(correct)',
	'questions.question.weight': 'weight {weight}%',
	'questions.question.explanation': 'Explanation',
	'questions.question.tags': 'Topics: {tags}',
	'questions.question.category': 'Category: {category}',
	'questions.question.competency': 'Competency: {code}',
	'questions.question.retiredNotice':
		'This question was retired on {at} ({by}) and is no longer drawn.',
	'questions.edit.title': 'Edit question',
	'questions.edit.hint':
		'Saving makes a new version; papers already answered keep showing the old one.',
	'questions.edit.submit': 'Save as a new version',
	'questions.edit.saved': 'Saved as version {version}.',
	'questions.edit.noChange': 'Nothing changed; no new version was made.',
	'questions.history.title': 'Version history',
	'questions.history.version': 'Version {version}',
	'questions.history.at': 'When',
	'questions.history.by': 'By',
	'questions.history.system': 'System (import)',
	'questions.history.current': 'current',
	'questions.retire.title': 'Retire question',
	'questions.retire.hint':
		'A retired question is no longer drawn; existing papers are not affected.',
	'questions.retire.reason': 'Reason for retiring',
	'questions.retire.submit': 'Retire',
	'questions.retire.done': 'Retired.',
	'questions.restore.title': 'Restore question',
	'questions.restore.reason': 'Reason for restoring',
	'questions.restore.submit': 'Restore',
	'questions.restore.done': 'Restored; the question can be drawn again.',
	'questions.import.title': 'Import questions',
	'questions.import.intro':
		'Upload a CSV or Moodle GIFT file, look over the preview, then import. Importing is all or nothing: with any problem, no question is written.',
	'questions.import.file': 'Question file (CSV or GIFT)',
	'questions.import.fileHint': '.csv (UTF-8 or GBK) and .gift / .txt, up to 10 MB.',
	'questions.import.defaultBank': 'Default bank (optional)',
	'questions.import.defaultBankHint': 'Questions whose file names no bank go into this one.',
	'questions.import.noDefault': 'None',
	'questions.import.submit': 'Upload and preview',
	'questions.import.pending': 'Reading the file…',
	'questions.import.help.title': 'File format',
	'questions.import.help.csv':
		'CSV headers in Chinese or English, any order: external_id, bank (required), category, type (required: single, multiple, true_false, fill_blank), stem (required), option_a…option_h, answer, explanation, difficulty (1–5), tags, competency.',
	'questions.import.help.gift':
		'In GIFT files $CATEGORY: bank/category names the bank; matching, numerical and essay questions are skipped and listed with their lines.',
	'questions.import.help.reimport':
		'Re-importing a question with an id makes a new version only when its content changed.',
	'questions.import.recent.title': 'Recent imports',
	'questions.import.recent.none': 'No imports yet.',
	'questions.import.recent.file': 'File',
	'questions.import.recent.at': 'When',
	'questions.import.recent.by': 'By',
	'questions.import.recent.status': 'Status',
	'questions.import.recent.cli': 'Command line',
	'questions.import.status.previewed': 'Awaiting confirmation',
	'questions.import.status.invalid': 'Has problems',
	'questions.import.status.committed': 'Imported',
	'questions.import.status.discarded': 'Discarded',
	'questions.preview.title': 'Import preview',
	'questions.preview.file': 'File: {file}',
	'questions.preview.defaultBank': 'Default bank: {bank}',
	'questions.preview.summary': 'What the import does',
	'questions.preview.newBanks': 'Banks to be created: {banks}',
	'questions.count.questions': 'Questions',
	'questions.count.created': 'New',
	'questions.count.newVersions': 'New versions',
	'questions.count.unchanged': 'Unchanged',
	'questions.count.newBanks': 'New banks',
	'questions.count.skipped': 'Skipped',
	'questions.count.problems': 'Problems',
	'questions.count.warnings': 'Notes',
	'questions.problems.title': 'Problems ({count})',
	'questions.problems.intro':
		'Importing is all or nothing: fix these problems in the file and upload it again.',
	'questions.problems.line': 'Line',
	'questions.problems.column': 'Column',
	'questions.problems.message': 'Problem',
	'questions.warnings.title': 'Notes (the import can go ahead)',
	'questions.warnings.message': 'Note',
	'questions.skippedList.title': 'Skipped questions ({count})',
	'questions.skippedList.intro':
		'These question types are not supported and are skipped; the others are imported.',
	'questions.skippedList.kind': 'Type',
	'questions.skippedList.name': 'Name',
	'questions.updated.title': 'Questions getting a new version ({count})',
	'questions.updated.bank': 'Bank',
	'questions.updated.externalId': 'Id',
	'questions.updated.version': 'New version',
	'questions.truncated': 'Showing the first {shown} of {total}.',
	'questions.commit.hint': 'Confirming writes every question at once.',
	'questions.commit.submit': 'Confirm import',
	'questions.commit.pending': 'Importing…',
	'questions.discard.submit': 'Discard',
	'questions.unchanged.collapsed': '{count} more questions unchanged, collapsed and not listed.',
	'questions.committed.notice':
		'Imported: {created} new, {newVersions} new versions, {unchanged} unchanged, {newBanks} new banks.',
	'questions.discarded.notice': 'This import was discarded; no question was written.',
	'questions.upload.again': 'Upload a file again'
};
