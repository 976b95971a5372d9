CREATE TABLE `attempt_switch` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attempt_id` integer NOT NULL,
	`client_event_id` text NOT NULL,
	`kind` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempt_switch_event_uq` ON `attempt_switch` (`attempt_id`,`client_event_id`);--> statement-breakpoint
ALTER TABLE `exam_definition` ADD `switch_limit` integer;--> statement-breakpoint
ALTER TABLE `exam_definition` ADD `require_fullscreen` integer DEFAULT false NOT NULL;