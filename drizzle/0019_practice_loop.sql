CREATE TABLE `notebook_mastery` (
	`staff_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`mastered_at` integer NOT NULL,
	PRIMARY KEY(`staff_id`, `question_id`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `practice_check` (
	`attempt_id` integer NOT NULL,
	`position` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`correct` integer NOT NULL,
	`checked_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `position`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practice_check_staff_idx` ON `practice_check` (`staff_id`,`question_id`,`checked_at`);--> statement-breakpoint
CREATE TABLE `practice_cursor` (
	`staff_id` integer NOT NULL,
	`bank_id` integer NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`last_question_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`staff_id`, `bank_id`, `category`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_id`) REFERENCES `question_bank`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `practice_session` (
	`attempt_id` integer PRIMARY KEY NOT NULL,
	`staff_id` integer NOT NULL,
	`mode` text NOT NULL,
	`bank_id` integer,
	`category` text,
	`tag` text,
	`type` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_id`) REFERENCES `question_bank`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practice_session_staff_idx` ON `practice_session` (`staff_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `practice_setting` (
	`id` integer PRIMARY KEY NOT NULL,
	`mastery_threshold` integer DEFAULT 2 NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `question_bank` ADD `practice_open` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `exam_definition` ADD `practice_kind` text;--> statement-breakpoint
ALTER TABLE `exam_definition` ADD `mock_of` integer REFERENCES exam_definition(id);