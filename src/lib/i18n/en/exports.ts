import type { exports as zh } from '../zh-CN/exports';

export const exports: Record<keyof typeof zh, string> = {
	'exports.page.xlsx': 'Export Excel',
	'exports.page.xlsxHint':
		'Excel workbook (.xlsx): employee numbers keep their leading zeros, rates are numbers',
	'exports.caption.range': '{from} to {to}',
	'exports.caption.branch': 'Branch: {branch}',
	'exports.caption.position': 'Position: {position}',
	'exports.caption.purpose': 'Exam type: {purpose}',
	'exports.caption.exportedAt': 'Exported {time} (Beijing time)',
	'exports.file.range': '{from}_to_{to}'
};
