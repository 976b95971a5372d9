// The audit domain's data door: the only code that speaks drizzle or SQL for the audit log.
export {
	insertAuditEvent,
	insertAuditEvents,
	selectAuditEvents,
	selectRecentAuditEvents,
	type AuditQuery,
	type NewAuditEvent
} from './audit-event';
