CREATE TABLE `lesson_study` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`lesson_key` text NOT NULL,
	`spent_ms` integer DEFAULT 0 NOT NULL,
	`last_beat_at` integer,
	`started_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lesson_study_once_uq` ON `lesson_study` (`staff_id`,`course_id`,`lesson_key`);--> statement-breakpoint
CREATE INDEX `lesson_study_course_idx` ON `lesson_study` (`course_id`,`lesson_key`);--> statement-breakpoint
ALTER TABLE `lesson` ADD `min_minutes` real;--> statement-breakpoint
ALTER TABLE `class_session` ADD `sign_in_secret` text;