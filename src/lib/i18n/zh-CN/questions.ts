// Import messages name no line or column: the problem table shows those in their own columns.
export const questions = {
	'questions.error.unsupportedFile':
		'无法读取“{name}”：只支持 CSV 文件（.csv）和 Moodle GIFT 文件（.gift 或 .txt）。请在 Excel 中另存为 CSV 后再上传。',
	'questions.error.fileTooLarge':
		'文件太大（{size} MB），最大 {limit} MB。请把题库拆成几个文件分别导入。',
	'questions.error.utf16':
		'文件是 UTF-16（Excel 的“Unicode 文本”）编码，无法读取。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”。',
	'questions.error.fileEmpty': '文件是空的。请选择包含试题的 CSV 或 GIFT 文件。',
	'questions.error.noDataRows': '文件只有表头，没有试题。请在表头下面每行填写一道题。',
	'questions.error.noQuestions':
		'文件里没有找到试题。GIFT 文件中每道题之间空一行，答案写在 { } 中。',
	'questions.error.unterminatedQuote':
		'从这一行开始有一个引号没有配对，后面的内容无法读取。请检查这一行的双引号是否成对。',
	'questions.error.duplicateColumn': '“{other}”和这一列是同一列，请只保留一列。',
	'questions.error.missingColumns': '缺少必需的列：{columns}。请在第一行表头中加上这些列。',
	'questions.error.extraCells':
		'这一行有 {count} 个单元格，比表头的 {width} 列多。题干或选项中含有逗号时，请用英文双引号把整个单元格括起来，或在 Excel 中编辑后另存为 CSV。',
	'questions.error.missingBank': '没有填写题库。请填写题库名称，例如“储蓄业务”。',
	'questions.error.missingType': '没有填写题型。请填写：单选、多选、判断或填空。',
	'questions.error.unknownType': '无法识别的题型“{value}”。请填写：单选、多选、判断或填空。',
	'questions.error.emptyStem': '题干是空的。请填写题目内容。',
	'questions.error.badDifficulty':
		'无法识别的难度“{value}”。请填写 1 到 5 的数字，或 易、较易、中、较难、难；不填则为中（3）。',
	'questions.error.optionGap':
		'选项中间有空缺（缺少 {letters}）。请按 A、B、C… 的顺序连续填写选项。',
	'questions.error.tooFewOptions': '选择题至少要有两个选项，这道题只有 {count} 个。请补充选项。',
	'questions.error.tooManyOptions': '这道题有 {count} 个选项，最多 {max} 个。请删减选项。',
	'questions.error.missingAnswer': '没有填写答案。请填写正确答案。',
	'questions.error.badAnswerLetters':
		'答案“{value}”不是选项字母。选择题的答案请写选项字母，如 B、ACD、A,C,D 或 A、C。',
	'questions.error.singleManyAnswers':
		'单选题只能有一个正确答案，这里写的是“{value}”。如果有多个正确答案，请把题型改为多选。',
	'questions.error.answerNoOption':
		'答案中的 {letter} 没有对应的选项。请检查答案或补上选项 {letter}。',
	'questions.error.optionsOnTrueFalse':
		'判断题不需要选项。请清空选项列；如果这道题其实是选择题，请改正题型。',
	'questions.error.badTrueFalse':
		'判断题的答案“{value}”无法识别。请填写 对 或 错（也可写 正确/错误、T/F、√/×）。',
	'questions.error.optionsOnFillBlank':
		'填空题不需要选项。请清空选项列，把所有可接受的答案写在答案列，用 | 分隔。',
	'questions.error.duplicateExternalId':
		'编号 {value} 重复：第 {firstLine} 行已经用了这个编号。同一文件中每道题的编号必须不同。',
	'questions.error.giftUnclosedName': '题目名称缺少结尾的 ::。请写成 ::名称:: 题干。',
	'questions.error.giftUnclosedBrace':
		'答案块的 { 没有配对的 }。请补上 }；题干中要显示 { 时请写成 \\{。',
	'questions.error.giftStrayBrace': '这里有一个多余的 }。题干中要显示 } 时请写成 \\}。',
	'questions.error.giftExtraBrace':
		'一道题只能有一个答案块 {…}。多出的花括号请删除，或写成 \\{ 和 \\}；两道题之间请空一行。',
	'questions.error.giftUnknownFormat':
		'无法识别的格式标记 {value}。可用 [markdown]、[html]、[plain] 或 [moodle]。',
	'questions.error.giftUnknownCommand': '无法识别的指令 {value}。GIFT 文件只支持 $CATEGORY:。',
	'questions.error.giftTextOutsideAnswer':
		'答案块中“{value}”前面缺少 = 或 ~。正确答案以 = 开头，错误答案以 ~ 开头。',
	'questions.error.giftBadWeight':
		'分值 %{value}% 无法识别。请写 -100 到 100 之间的数字，例如 ~%50%。',
	'questions.error.giftEmptyAnswer':
		'第 {position} 个答案是空的。请填写答案内容或删去多余的 = / ~。',
	'questions.error.giftManyRight':
		'单选题有 {count} 个以 = 开头的正确答案。只能有一个；多个正确答案请写成多选题，如 ~%50%甲 ~%50%乙。',
	'questions.error.giftNoRightAnswer':
		'答案块中没有正确答案。单选题和填空题请用 = 标出正确答案；多选题请用 ~%分值% 标出，如 ~%50%。',
	'questions.error.giftWeightsNot100':
		'多选题各正确答案的分值合计为 {sum}%，应为 100%。请调整 %分值%。',
	'questions.error.giftNoFullCreditAnswer':
		'填空题没有满分答案。请至少写一个不带分值（或 %100%）的 = 答案。',
	'questions.error.giftNoBank':
		'有 {count} 道题不知道放入哪个题库。请在导入时选择题库，或在文件开头加一行 $CATEGORY: 题库名称。',
	'questions.warning.ignoredColumns': '以下列无法识别，将被忽略：{columns}。',
	'questions.warning.partialAnswerDropped':
		'部分得分的答案“{value}”（{weight}%）不会导入：填空题只接受满分答案。',
	'questions.warning.answerFeedbackDropped': '填空题答案“{value}”的反馈不会导入。',
	'questions.skipped.matching': '配对题',
	'questions.skipped.numerical': '数值题',
	'questions.skipped.essay': '问答题',
	'questions.skipped.description': '说明文字（无答案）',
	'questions.skipped.other': '其他题型'
};
