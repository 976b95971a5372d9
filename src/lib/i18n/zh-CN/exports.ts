export const exports = {
	'exports.page.xlsx': '导出 Excel',
	'exports.page.xlsxHint': 'Excel 工作簿（.xlsx），员工号保留前导零，通过率为数值',
	'exports.caption.range': '{from}至{to}',
	'exports.caption.branch': '机构：{branch}',
	'exports.caption.position': '岗位：{position}',
	'exports.caption.purpose': '考试类型：{purpose}',
	'exports.caption.exportedAt': '导出时间：{time}（北京时间）',
	'exports.file.range': '{from}至{to}'
};
