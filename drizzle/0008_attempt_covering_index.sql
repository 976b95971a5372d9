DROP INDEX `attempt_staff_idx`;--> statement-breakpoint
CREATE INDEX `attempt_staff_exam_idx` ON `attempt` (`staff_id`,`exam_id`,`status`,`started_at`,`passed`);