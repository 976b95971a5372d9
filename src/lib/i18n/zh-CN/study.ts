export const study = {
	'study.notYet':
		'本课至少需学习 {required} 分钟，还需 {left} 分钟才能完成。请继续学习本课后再点“完成本课”。',
	'study.badBeat': '学习计时请求无效，请刷新页面。',
	'study.left': '还需学习 {time}',
	'study.spent': '已学习 {time}，本课至少需学习 {required}',
	'study.counting': '停留在本页且页面可见时计时。',
	'study.paused': '页面不可见，计时已暂停。',
	'study.offline': '暂时无法计时，请检查网络。',
	'study.minutes': '{minutes} 分钟',
	'study.minSec': '{minutes} 分 {seconds} 秒',
	'study.nav': '学习时长',
	'study.title': '课程学习时长',
	'study.intro':
		'每课的学习时长由服务器按页面心跳计算（页面可见时每 15 秒一次，最长计 45 秒间隔）。每课须学满最低时长才能完成并记入学时；集中培训学时仍按签到记入。',
	'study.course': '课程',
	'study.lesson': '课',
	'study.required': '最低时长（分钟）',
	'study.learners': '学习人数',
	'study.completed': '已完成人数',
	'study.total': '总时长（分钟）',
	'study.average': '人均（分钟）',
	'study.spentCol': '已学习（分钟）',
	'study.doneCol': '已完成',
	'study.empty': '暂无学习时长记录。',
	'study.personHeading': '各课学习时长',
	'study.officeTotal': '合计'
};
