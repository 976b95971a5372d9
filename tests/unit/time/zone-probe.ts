// Run in a child process with TZ set (see format.test.ts): prints what the office clock and the
// display formatters make of a few instants, so a test can compare zones that one process can't.
import {
	formatDate,
	formatDateTime,
	formatDay,
	formatEndDate,
	formatEndDateTime,
	formatMonth
} from '../../../src/lib/time/format';
import {
	officeDay,
	officeDayStart,
	officeFileStamp,
	toOfficeInput
} from '../../../src/lib/time/office';
import {
	addWorkingDays,
	STATE_COUNCIL_CALENDAR as cal
} from '../../../src/lib/calendar/working-days';

// 07:30 on 3 March in Beijing: still 2 March in UTC and in New York.
const early = Date.parse('2026-03-02T23:30:00Z');
const endOf2026 = officeDayStart('2027-01-01');
process.stdout.write(
	JSON.stringify({
		zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
		officeDay: officeDay(early),
		input: toOfficeInput(early),
		fileStamp: officeFileStamp(early),
		dateZh: formatDate('zh-CN', early),
		dateEn: formatDate('en', early),
		dateTimeZh: formatDateTime('zh-CN', early),
		dayEn: formatDay('en', '2026-03-03'),
		endZh: formatEndDate('zh-CN', endOf2026),
		deadlineZh: formatEndDateTime('zh-CN', endOf2026),
		monthDayZh: formatDate('zh-CN', Date.parse('2026-11-30T16:30:00Z')),
		monthZh: formatMonth('zh-CN', '2026-11'),
		monthEn: formatMonth('en', '2026-11'),
		// The working calendar reads days, not instants: no zone may shift it.
		workingDays: ['2026-10-01', '2026-10-10', '2026-02-14'].map((d) => cal.isWorkingDay(d)).join(),
		springDue: addWorkingDays(cal, '2026-02-09', 20)
	})
);
