CREATE TABLE `course` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`audience` text NOT NULL,
	`position` integer NOT NULL,
	`current_version_id` integer,
	`retired` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`current_version_id`) REFERENCES `course_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `course_slug_unique` ON `course` (`slug`);--> statement-breakpoint
CREATE TABLE `course_module` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_version_id` integer NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`course_version_id`) REFERENCES `course_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `course_module_version_slug_uq` ON `course_module` (`course_version_id`,`slug`);--> statement-breakpoint
CREATE TABLE `course_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`version` integer NOT NULL,
	`hash` text NOT NULL,
	`total_class_hours` real NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `course_version_course_version_uq` ON `course_version` (`course_id`,`version`);--> statement-breakpoint
CREATE TABLE `lesson` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_version_id` integer NOT NULL,
	`module_id` integer NOT NULL,
	`lesson_key` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`class_hours` real NOT NULL,
	`position` integer NOT NULL,
	`html` text NOT NULL,
	FOREIGN KEY (`course_version_id`) REFERENCES `course_version`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`module_id`) REFERENCES `course_module`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lesson_version_key_uq` ON `lesson` (`course_version_id`,`lesson_key`);--> statement-breakpoint
CREATE INDEX `lesson_module_idx` ON `lesson` (`module_id`);--> statement-breakpoint
CREATE TABLE `lesson_completion` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`lesson_key` text NOT NULL,
	`lesson_id` integer NOT NULL,
	`completed_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lesson_id`) REFERENCES `lesson`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lesson_completion_once_uq` ON `lesson_completion` (`staff_id`,`course_id`,`lesson_key`);--> statement-breakpoint
CREATE TABLE `hour_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`kind` text NOT NULL,
	`hours` real NOT NULL,
	`earned_on` text NOT NULL,
	`source` text NOT NULL,
	`source_ref` text,
	`reason` text,
	`corrects_entry_id` integer,
	`recorded_by` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrects_entry_id`) REFERENCES `hour_entry`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hour_entry_staff_day_idx` ON `hour_entry` (`staff_id`,`earned_on`);--> statement-breakpoint
CREATE INDEX `hour_entry_day_idx` ON `hour_entry` (`earned_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `hour_entry_credit_once_uq` ON `hour_entry` (`staff_id`,`source`,`source_ref`) WHERE source in ('lesson', 'session');--> statement-breakpoint
CREATE TABLE `hour_requirement` (
	`position` text PRIMARY KEY NOT NULL,
	`remote` real NOT NULL,
	`centralized` real NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `class_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`place` text NOT NULL,
	`capacity` integer NOT NULL,
	`class_hours` real NOT NULL,
	`trainer_id` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`sign_in_code` text,
	`sign_in_expires_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainer_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `class_session_starts_idx` ON `class_session` (`starts_at`);--> statement-breakpoint
CREATE INDEX `class_session_trainer_idx` ON `class_session` (`trainer_id`);--> statement-breakpoint
CREATE TABLE `session_attendance` (
	`session_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`method` text NOT NULL,
	`recorded_by` integer,
	`recorded_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `staff_id`),
	FOREIGN KEY (`session_id`) REFERENCES `class_session`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_attendance_staff_idx` ON `session_attendance` (`staff_id`);--> statement-breakpoint
CREATE TABLE `session_enrolment` (
	`session_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`enrolled_by` integer,
	`enrolled_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `staff_id`),
	FOREIGN KEY (`session_id`) REFERENCES `class_session`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrolled_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_enrolment_staff_idx` ON `session_enrolment` (`staff_id`);--> statement-breakpoint
CREATE TABLE `mentor_pairing` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mentor_id` integer NOT NULL,
	`mentee_id` integer NOT NULL,
	`plan_id` integer,
	`from_date` text NOT NULL,
	`to_date` text,
	`purpose` text NOT NULL,
	`end_reason` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`mentor_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentee_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `onboarding_plan`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentor_pairing_mentor_idx` ON `mentor_pairing` (`mentor_id`);--> statement-breakpoint
CREATE INDEX `mentor_pairing_mentee_idx` ON `mentor_pairing` (`mentee_id`);--> statement-breakpoint
CREATE TABLE `mentoring_note` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pairing_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`minutes` integer NOT NULL,
	`topic` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pairing_id`) REFERENCES `mentor_pairing`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentoring_note_pairing_idx` ON `mentoring_note` (`pairing_id`);--> statement-breakpoint
CREATE TABLE `onboarding_plan` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`due_date` text NOT NULL,
	`seat_course_id` integer NOT NULL,
	`seat_hours_required` real NOT NULL,
	`practicum_days_required` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`cleared_on` text,
	`cleared_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seat_course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `onboarding_plan_staff_idx` ON `onboarding_plan` (`staff_id`);--> statement-breakpoint
CREATE INDEX `onboarding_plan_status_idx` ON `onboarding_plan` (`status`);--> statement-breakpoint
CREATE TABLE `practicum_day` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`day_number` integer NOT NULL,
	`work_date` text NOT NULL,
	`mentor_id` integer NOT NULL,
	`tasks` text NOT NULL,
	`hours` real NOT NULL,
	`observations` text DEFAULT '' NOT NULL,
	`signed_at` integer NOT NULL,
	`supersedes_id` integer,
	`correction_reason` text,
	FOREIGN KEY (`plan_id`) REFERENCES `onboarding_plan`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `practicum_day`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practicum_day_plan_idx` ON `practicum_day` (`plan_id`,`day_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `practicum_day_supersedes_uq` ON `practicum_day` (`supersedes_id`);--> statement-breakpoint
CREATE TABLE `practicum_signature` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day_id` integer NOT NULL,
	`kind` text NOT NULL,
	`staff_id` integer NOT NULL,
	`signed_at` integer NOT NULL,
	FOREIGN KEY (`day_id`) REFERENCES `practicum_day`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practicum_signature_once_uq` ON `practicum_signature` (`day_id`,`kind`);--> statement-breakpoint
CREATE TABLE `practicum_task` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`position` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`sort_order` integer NOT NULL,
	`retired` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practicum_task_position_code_uq` ON `practicum_task` (`position`,`code`);