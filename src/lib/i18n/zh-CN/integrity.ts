// 切屏 and copy blocking on formal exams: the exam form, the intro, the taking page, the record.
export const integrity = {
	'integrity.form.switchLimit': '切屏次数上限（正式考试）',
	'integrity.form.fullscreen': '要求全屏作答（退出全屏计为切屏）',
	'integrity.form.hint':
		'正式考试会记录每次离开考试页面（切屏），并禁止复制、粘贴题目文字。填写上限后，达到上限自动交卷；留空则只记录、不交卷。练习不记录。',
	'integrity.error.limit': '切屏上限请填写 1 至 {max} 的整数，或留空。',
	'integrity.error.practice': '练习不设切屏上限和全屏要求。',
	'integrity.error.malformed': '切屏记录格式不正确，请刷新页面。',
	'integrity.error.notMonitored': '该考试不记录切屏。',
	'integrity.rules.heading': '考试纪律',
	'integrity.rules.record':
		'离开考试页面（切换标签页、窗口或应用）计为一次切屏，会记录在您的作答记录中。',
	'integrity.rules.limit': '切屏达到 {limit} 次将自动交卷。',
	'integrity.rules.noLimit': '切屏不会自动交卷，但每次都会记录。',
	'integrity.rules.copy': '题目文字禁止复制、剪切、粘贴，也不能使用右键菜单。',
	'integrity.rules.fullscreen': '须全屏作答，退出全屏计为一次切屏。',
	'integrity.take.count': '切屏 {count}/{limit} 次',
	'integrity.take.countNoLimit': '切屏 {count} 次',
	'integrity.take.warn': '您离开了考试页面（第 {count} 次，上限 {limit} 次），达到上限将自动交卷。',
	'integrity.take.warnNoLimit': '您离开了考试页面（第 {count} 次），已记录。',
	'integrity.take.submitted': '切屏次数已达上限，试卷已自动交卷。',
	'integrity.take.copyBlocked': '考试中禁止复制、粘贴题目文字。',
	'integrity.take.fullscreen': '本考试须全屏作答，退出全屏计为一次切屏。',
	'integrity.take.enterFullscreen': '进入全屏',
	'integrity.record.heading': '切屏记录',
	'integrity.record.disclaimer':
		'切屏记录是防范措施和作答记录，不是作弊的证据：通知、弹窗也会让页面失去焦点，浏览器也可能不上报。',
	'integrity.record.none': '未记录到切屏。',
	'integrity.record.summary': '共 {count} 次',
	'integrity.record.summaryLimit': '共 {count} 次（上限 {limit} 次）',
	'integrity.record.atLimit': '切屏达到上限，系统已自动交卷。',
	'integrity.record.colTime': '时间（北京时间）',
	'integrity.record.colKind': '类型',
	'integrity.kind.hidden': '页面被切走或隐藏',
	'integrity.kind.blur': '窗口失去焦点',
	'integrity.kind.fullscreen': '退出全屏'
};
