CREATE TABLE `roster_commit_job` (
	`import_id` integer PRIMARY KEY NOT NULL,
	`token` text,
	`owner` text NOT NULL,
	`phase` text NOT NULL,
	`done` integer NOT NULL,
	`total` integer NOT NULL,
	`started_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL,
	`error` text,
	FOREIGN KEY (`import_id`) REFERENCES `roster_import`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `roster_stage_role` (
	`import_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`import_id`, `staff_id`, `role`)
);
--> statement-breakpoint
CREATE TABLE `roster_stage_staff` (
	`import_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`is_new` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`employee_no` text NOT NULL,
	`name` text NOT NULL,
	`branch_code` text NOT NULL,
	`position` text NOT NULL,
	`hire_date` text,
	`status` text NOT NULL,
	`password_hash` text,
	`roles_change` text,
	`disable` text,
	PRIMARY KEY(`import_id`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `roster_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `question_import` ADD `new_bank` text;