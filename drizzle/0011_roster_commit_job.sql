CREATE TABLE `roster_stage_role` (
	`import_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`import_id`, `seq`, `role`)
);
--> statement-breakpoint
CREATE TABLE `roster_stage_staff` (
	`import_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`staff_id` integer,
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
ALTER TABLE `roster_import` ADD `job_token` text;--> statement-breakpoint
ALTER TABLE `roster_import` ADD `job_owner` text;--> statement-breakpoint
ALTER TABLE `roster_import` ADD `job_phase` text;--> statement-breakpoint
ALTER TABLE `roster_import` ADD `job_done` integer;--> statement-breakpoint
ALTER TABLE `roster_import` ADD `job_total` integer;--> statement-breakpoint
ALTER TABLE `roster_import` ADD `job_started_at` integer;--> statement-breakpoint
ALTER TABLE `roster_import` ADD `job_heartbeat_at` integer;--> statement-breakpoint
ALTER TABLE `roster_import` ADD `job_error` text;--> statement-breakpoint
ALTER TABLE `question_import` ADD `new_bank` text;