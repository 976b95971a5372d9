export const learning = {
	'hours.kind.remote': '远程培训',
	'hours.kind.centralized': '集中培训',
	'hours.kind.self_study': '自主学习',
	'hours.kind.onboarding': '岗前培训',
	'hours.source.lesson': '课程学习',
	'hours.source.session': '面授出勤',
	'hours.source.manual': '手工录入',
	'hours.source.correction': '更正',
	'hours.notPositive': '学时必须是大于 0 且不超过 100 的数字。',
	'hours.badKind': '请选择学时类别：远程培训、集中培训、自主学习或岗前培训。',
	'hours.badDate': '日期无效，请按 YYYY-MM-DD 填写真实存在的日期。',
	'hours.reasonRequired': '请填写原因，以便日后核查。',
	'hours.badCorrection': '更正后的学时必须是不小于 0 的数字。',
	'hours.correctOriginal': '只能更正原始记录，不能更正一条更正记录。',
	'hours.noChange': '更正后的学时与当前学时相同，无需更正。',
	'hours.positionRequired': '请填写岗位（填 * 表示所有岗位的默认要求）。',
	'hours.badRequirement': '学时要求必须是 0 到 1000 之间的数字。'
} as const;
