CREATE TABLE `report_setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `course` ADD `aml_training` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `class_session` ADD `aml_training` integer DEFAULT false NOT NULL;