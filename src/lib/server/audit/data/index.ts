// The audit domain's data door: the only code that speaks drizzle or SQL for the audit log.
export {
	insertAuditEvent,
	insertAuditEvents,
	selectRecentAuditEvents,
	type NewAuditEvent
} from './audit-event';
