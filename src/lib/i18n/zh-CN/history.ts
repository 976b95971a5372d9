// A person's history of branches and positions (issue 14, item 7).
export const history = {
	'history.heading': '任职记录',
	'history.none': '没有调动记录。',
	'history.effectiveOn': '生效日期',
	'history.branch': '机构',
	'history.position': '岗位',
	'history.move': '{from} → {to}',
	'history.source': '来源',
	'history.source.import': '花名册导入',
	'history.source.other': '其他',
	'history.note': '调动前的考试、抽考、学时和上岗记录仍计入当时所在的机构和岗位。'
};
