CREATE TABLE `attempt_month_summary` (
	`exam_id` integer NOT NULL,
	`month` text NOT NULL,
	`branch_id` integer NOT NULL,
	`sat` integer NOT NULL,
	`passed` integer NOT NULL,
	PRIMARY KEY(`exam_id`, `month`, `branch_id`),
	FOREIGN KEY (`exam_id`) REFERENCES `exam_definition`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempt_month_summary_month_idx` ON `attempt_month_summary` (`month`,`branch_id`);