-- Rebuilds attempt_month_summary from attempt: databases with attempts from before 0006 have
-- none of them counted. Same statement as reports/attempt-summary.ts rebuildAttemptSummary
-- (office month of started_at, UTC+8; submitted attempts only; the staff's branch).
DELETE FROM `attempt_month_summary`;
--> statement-breakpoint
INSERT INTO `attempt_month_summary` (`exam_id`, `month`, `branch_id`, `sat`, `passed`)
SELECT a.`exam_id`, strftime('%Y-%m', a.`started_at` / 1000, 'unixepoch', '+8 hours'), s.`branch_id`,
	count(*), sum(coalesce(a.`passed`, 0))
FROM `attempt` a JOIN `staff` s ON s.`id` = a.`staff_id`
WHERE a.`status` = 'submitted'
GROUP BY 1, 2, 3;
