/**
 * The practicum checklist (what a mentor can tick for a day). HR configures it per position in
 * practicum_task; a position nobody has configured yet uses the BUILT-IN list below, so a fresh
 * office can log practicum days without any setup and no migration has to seed rows.
 */
export interface ChecklistTask {
	code: string;
	label: string;
	retired: boolean;
	/** Applies to every position ('*') rather than to this one. */
	everyPosition: boolean;
}

/** Every position: configured rows with this position apply to all new hires. */
export const ALL_POSITIONS = '*';
export const CALL_AGENT_POSITION = '客服座席';

/** Counter work, for tellers and every other position without its own built-in list. */
export const BUILT_IN_COUNTER_TASKS: readonly { code: string; label: string }[] = [
	{ code: 'open_account', label: '开立个人账户' },
	{ code: 'cash_counting', label: '现金清点与捆扎（点钞）' },
	{ code: 'counterfeit', label: '假币识别与收缴' },
	{ code: 'loss_report', label: '挂失与解挂' },
	{ code: 'deposit_withdrawal', label: '存取款业务' },
	{ code: 'end_of_day', label: '日终轧账' },
	{ code: 'customer_id', label: '客户身份识别' },
	{ code: 'complaint', label: '投诉接待' }
];

/** The call centre's new agents practise on the phone, not at the counter. */
export const BUILT_IN_CALL_TASKS: readonly { code: string; label: string }[] = [
	{ code: 'call_greeting', label: '来电接听与服务用语' },
	{ code: 'call_identity', label: '来电客户身份核实' },
	{ code: 'call_inquiry', label: '账户与业务查询' },
	{ code: 'loss_report', label: '挂失与解挂' },
	{ code: 'complaint', label: '投诉接待' },
	{ code: 'call_fraud', label: '电信诈骗识别与劝阻' }
];

/** The built-in list for a position; '*' has none (it only adds what HR configures). */
export function builtInTasksFor(position: string): readonly { code: string; label: string }[] {
	if (position === ALL_POSITIONS) return [];
	return position === CALL_AGENT_POSITION ? BUILT_IN_CALL_TASKS : BUILT_IN_COUNTER_TASKS;
}

interface TaskRow {
	position: string;
	code: string;
	label: string;
	sortOrder: number;
	retired: boolean;
}

/**
 * A position's checklist, retired tasks included (old days still name them): its configured rows
 * once the position has any (even all retired: HR emptied it on purpose), else the built-in list;
 * then the rows configured for every position.
 */
export function resolveChecklist(position: string, rows: readonly TaskRow[]): ChecklistTask[] {
	const own = rows.filter((r) => r.position === position).sort((a, b) => a.sortOrder - b.sortOrder);
	const base: ChecklistTask[] =
		own.length > 0
			? own.map((r) => ({ code: r.code, label: r.label, retired: r.retired, everyPosition: false }))
			: builtInTasksFor(position).map((t) => ({ ...t, retired: false, everyPosition: false }));
	const codes = new Set(base.map((t) => t.code));
	const shared = rows
		.filter((r) => r.position === ALL_POSITIONS && position !== ALL_POSITIONS && !codes.has(r.code))
		.sort((a, b) => a.sortOrder - b.sortOrder)
		.map((r) => ({ code: r.code, label: r.label, retired: r.retired, everyPosition: true }));
	return [...base, ...shared];
}

/** Whether HR has configured the position yet (otherwise it runs on the built-in list). */
export function isConfigured(position: string, rows: readonly TaskRow[]): boolean {
	return rows.some((r) => r.position === position);
}
