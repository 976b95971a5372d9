/**
 * Where each demo new hire stands, as plain data the demo seed replays through the real services.
 * Working days are counted back from the demo's today, so the office always looks current.
 */
export interface DemoStage {
	name: string;
	/** The plan started this many working days before today. */
	startBack: number;
	/** Share of the seat course's lessons completed, in course order. */
	seatShare: number;
	/** Practicum days logged (1..n). */
	days: number;
	/** Of those, how many the new hire acknowledged. */
	acked: number;
	countersign: boolean;
	/** After this many days the mentor changes (to another branch's mentor). */
	changeAfter?: number;
	notes: number;
	/** Working days after the start on which the last seat lesson is done (defaults to spread). */
	lastLessonOn?: number;
}

/** The journey account's stage: mid-way, with a next practicum day free to sign today. */
export const JOURNEY_STAGE: DemoStage = {
	name: 'journey',
	startBack: 10,
	seatShare: 0.5,
	days: 6,
	acked: 5,
	countersign: false,
	notes: 2
};

/** Stages for the other current new hires, in employee-number order. */
export const CURRENT_STAGES: DemoStage[] = [
	{
		name: 'overdue',
		startBack: 26,
		seatShare: 0.7,
		days: 11,
		acked: 10,
		countersign: false,
		notes: 2
	},
	{
		name: 'awaiting-countersign',
		startBack: 18,
		seatShare: 1,
		days: 15,
		acked: 15,
		countersign: false,
		notes: 3
	},
	{
		name: 'mentor-changed',
		startBack: 12,
		seatShare: 0.6,
		days: 9,
		acked: 7,
		countersign: false,
		changeAfter: 5,
		notes: 1
	},
	{
		name: 'mid-way',
		startBack: 9,
		seatShare: 0.4,
		days: 7,
		acked: 7,
		countersign: false,
		notes: 1
	},
	{
		name: 'just-started',
		startBack: 3,
		seatShare: 0.1,
		days: 1,
		acked: 0,
		countersign: false,
		notes: 0
	},
	{
		name: 'first-day',
		startBack: 0,
		seatShare: 0,
		days: 0,
		acked: 0,
		countersign: false,
		notes: 0
	},
	{
		name: 'overdue-nearly-done',
		startBack: 21,
		seatShare: 0.95,
		days: 14,
		acked: 12,
		countersign: false,
		notes: 2
	},
	{
		name: 'mid-way-late',
		startBack: 14,
		seatShare: 0.85,
		days: 11,
		acked: 11,
		countersign: false,
		notes: 1
	}
];

/** Staff hired earlier, replayed to clearance so the onboarding rate has real numbers. */
export const CLEARED_STAGES: DemoStage[] = [
	{
		name: 'cleared-1',
		startBack: 38,
		seatShare: 1,
		days: 15,
		acked: 15,
		countersign: true,
		notes: 2
	},
	{
		name: 'cleared-2',
		startBack: 45,
		seatShare: 1,
		days: 15,
		acked: 14,
		countersign: true,
		notes: 1
	},
	{
		name: 'cleared-3',
		startBack: 52,
		seatShare: 1,
		days: 15,
		acked: 15,
		countersign: true,
		notes: 1
	},
	// The last lesson after the due date: cleared, but late.
	{
		name: 'cleared-late',
		startBack: 60,
		seatShare: 1,
		days: 15,
		acked: 15,
		countersign: true,
		notes: 1,
		lastLessonOn: 22
	},
	{
		name: 'cleared-4',
		startBack: 70,
		seatShare: 1,
		days: 15,
		acked: 15,
		countersign: true,
		notes: 2
	}
];

export const DEMO_OBSERVATIONS = [
	'操作规范，点钞手法熟练度还需加强。',
	'能主动向客户说明业务办理要求，态度亲切。',
	'对假币特征掌握较好，收缴流程需再熟悉。',
	'按规定核验客户身份，未出现差错。',
	'日终轧账能独立完成，速度有待提高。',
	'遇到复杂业务能及时请示，风险意识较强。'
];

export const DEMO_NOTE_TOPICS = [
	'柜面服务礼仪与客户沟通',
	'反洗钱可疑交易识别',
	'从业禁止性规定学习心得',
	'岗位差错案例复盘'
];
