CREATE TABLE `question` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bank_id` integer NOT NULL,
	`external_id` text,
	`current_version_id` integer,
	`retired` integer DEFAULT false NOT NULL,
	`retired_at` integer,
	`retired_by` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`bank_id`) REFERENCES `question_bank`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`current_version_id`) REFERENCES `question_version`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`retired_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_bank_external_uq` ON `question` (`bank_id`,`external_id`) WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX `question_bank_idx` ON `question` (`bank_id`,`retired`);--> statement-breakpoint
CREATE TABLE `question_bank` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_bank_name_unique` ON `question_bank` (`name`);--> statement-breakpoint
CREATE TABLE `question_import` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`file_name` text NOT NULL,
	`content` blob NOT NULL,
	`status` text DEFAULT 'previewed' NOT NULL,
	`summary` text,
	`committed_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `question_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`version` integer NOT NULL,
	`type` text NOT NULL,
	`format` text DEFAULT 'markdown' NOT NULL,
	`category` text,
	`stem` text NOT NULL,
	`options` text NOT NULL,
	`correct_boolean` integer,
	`accepted_answers` text NOT NULL,
	`explanation` text DEFAULT '' NOT NULL,
	`difficulty` integer NOT NULL,
	`tags` text NOT NULL,
	`competency` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_version_uq` ON `question_version` (`question_id`,`version`);--> statement-breakpoint
CREATE TABLE `attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exam_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`attempt_no` integer NOT NULL,
	`seed` text NOT NULL,
	`paper` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`started_at` integer NOT NULL,
	`deadline` integer,
	`extra_time_ms` integer DEFAULT 0 NOT NULL,
	`submitted_at` integer,
	`submitted_by` text,
	`score` real,
	`max_score` real NOT NULL,
	`percent` real,
	`passed` integer,
	FOREIGN KEY (`exam_id`) REFERENCES `exam_definition`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempt_one_open_uq` ON `attempt` (`exam_id`,`staff_id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `attempt_staff_idx` ON `attempt` (`staff_id`,`exam_id`);--> statement-breakpoint
CREATE INDEX `attempt_exam_idx` ON `attempt` (`exam_id`,`status`);--> statement-breakpoint
CREATE INDEX `attempt_open_deadline_idx` ON `attempt` (`deadline`) WHERE status = 'open';--> statement-breakpoint
CREATE TABLE `attempt_answer` (
	`attempt_id` integer NOT NULL,
	`position` integer NOT NULL,
	`question_version_id` integer NOT NULL,
	`answer` text,
	`flagged` integer DEFAULT false NOT NULL,
	`seq` integer NOT NULL,
	`saved_at` integer NOT NULL,
	`correct` integer,
	`score` real,
	PRIMARY KEY(`attempt_id`, `position`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempt_answer_qv_idx` ON `attempt_answer` (`question_version_id`);--> statement-breakpoint
CREATE TABLE `exam_definition` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`purpose` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`blueprint` text NOT NULL,
	`time_limit_minutes` integer,
	`pass_mark` real NOT NULL,
	`attempts_allowed` integer,
	`shuffle_options` integer DEFAULT true NOT NULL,
	`partial_credit` text DEFAULT 'none' NOT NULL,
	`review_policy` text NOT NULL,
	`window_opens_at` integer,
	`window_closes_at` integer,
	`course_id` integer,
	`lesson_key` text,
	`active` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exam_definition_course_idx` ON `exam_definition` (`course_id`);--> statement-breakpoint
CREATE INDEX `exam_definition_purpose_idx` ON `exam_definition` (`purpose`);--> statement-breakpoint
CREATE TABLE `extra_time` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exam_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`minutes` integer NOT NULL,
	`reason` text NOT NULL,
	`granted_by` integer,
	`granted_at` integer NOT NULL,
	FOREIGN KEY (`exam_id`) REFERENCES `exam_definition`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
