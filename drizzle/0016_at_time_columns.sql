CREATE TABLE `staff_transfer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`effective_on` text NOT NULL,
	`from_branch_id` integer NOT NULL,
	`to_branch_id` integer NOT NULL,
	`from_position` text NOT NULL,
	`to_position` text NOT NULL,
	`import_id` integer,
	`recorded_by` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_branch_id`) REFERENCES `branch`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_branch_id`) REFERENCES `branch`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_transfer_staff_idx` ON `staff_transfer` (`staff_id`,`effective_on`);--> statement-breakpoint
ALTER TABLE `roster_stage_staff` ADD `effective_on` text;--> statement-breakpoint
ALTER TABLE `hour_entry` ADD `branch_id` integer REFERENCES branch(id);--> statement-breakpoint
ALTER TABLE `hour_entry` ADD `position` text;--> statement-breakpoint
ALTER TABLE `onboarding_plan` ADD `branch_id` integer REFERENCES branch(id);--> statement-breakpoint
ALTER TABLE `onboarding_plan` ADD `position` text;--> statement-breakpoint
ALTER TABLE `attempt` ADD `branch_id` integer REFERENCES branch(id);--> statement-breakpoint
ALTER TABLE `attempt` ADD `position` text;--> statement-breakpoint
ALTER TABLE `spot_assignment` ADD `position` text;