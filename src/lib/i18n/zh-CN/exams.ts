export const exams = {
	'exams.error.malformedAnswer':
		'这个答案没有保存：提交的内容格式不正确。请刷新页面后重新作答；如果仍然不行，请联系监考老师。',
	'exams.error.deadlinePassed':
		'考试时间已到，答案不能再修改。已保存的答案会自动交卷评分，请在“我的考试”中查看结果。',
	'exams.error.alreadySubmitted': '这份试卷已经交卷，不能再修改答案。请在“我的考试”中查看结果。',
	'exams.error.ruleShort':
		'组卷规则第 {rule} 条缺少 {short} 道题。请向题库补充符合条件的题目，或放宽该规则的条件、减少抽题数量。',
	'exams.error.ruleInvalid':
		'组卷规则第 {rule} 条填写有误：题数须为正整数，分值须大于 0（最多一位小数），难度下限不能高于上限，规则编号不能重复。请修改后再保存。'
} as const;
