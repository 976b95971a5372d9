export const qr = {
	'classroom.method.qr': '扫码签到',
	'qr.error.invalid':
		'二维码无效。请扫描讲师屏幕上的签到二维码，或在“我的面授”页面输入 6 位签到码。',
	'qr.error.expired': '二维码已过期（每 30 秒更换一次）。请重新扫描讲师屏幕上的二维码。',
	'qr.cert.label': '证书查验二维码',
	'qr.cert.caption': '扫码查验证书真伪',
	'qr.session.heading': '扫码签到',
	'qr.session.label': '签到二维码',
	'qr.session.hint':
		'学员用手机扫码并登录后即可签到，规则与 6 位签到码相同。二维码每 30 秒更换一次。',
	'qr.scan.title': '扫码签到',
	'qr.scan.intro': '确认签到本场面授培训。',
	'qr.scan.submit': '确认签到',
	'qr.scan.toMySessions': '查看我的面授'
};
