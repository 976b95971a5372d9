CREATE TABLE `spot_assignment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draw_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`branch_id` integer NOT NULL,
	`role` text NOT NULL,
	`rank` integer NOT NULL,
	FOREIGN KEY (`draw_id`) REFERENCES `spot_draw`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `branch`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spot_assignment_draw_staff_uq` ON `spot_assignment` (`draw_id`,`staff_id`);--> statement-breakpoint
CREATE INDEX `spot_assignment_staff_idx` ON `spot_assignment` (`staff_id`);--> statement-breakpoint
CREATE TABLE `spot_campaign` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exam_id` integer NOT NULL,
	`title` text NOT NULL,
	`month` text NOT NULL,
	`window_opens_at` integer NOT NULL,
	`window_closes_at` integer NOT NULL,
	`positions` text NOT NULL,
	`branch_ids` text NOT NULL,
	`sample_mode` text NOT NULL,
	`sample_value` integer NOT NULL,
	`exclude_months` integer DEFAULT 0 NOT NULL,
	`alternates_per_branch` integer DEFAULT 0 NOT NULL,
	`retests_allowed` integer DEFAULT 1 NOT NULL,
	`remedial_course_id` integer,
	`remedial_lesson_key` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`exam_id`) REFERENCES `exam_definition`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`remedial_course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `spot_campaign_month_idx` ON `spot_campaign` (`month`);--> statement-breakpoint
CREATE INDEX `spot_campaign_exam_idx` ON `spot_campaign` (`exam_id`);--> statement-breakpoint
CREATE TABLE `spot_draw` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`seed` text NOT NULL,
	`drawn_at` integer NOT NULL,
	`drawn_by` integer,
	`voided_at` integer,
	`voided_by` integer,
	`void_reason` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `spot_campaign`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drawn_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `spot_draw_campaign_idx` ON `spot_draw` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `spot_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`other_assignment_id` integer,
	`recorded_by` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `spot_assignment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`other_assignment_id`) REFERENCES `spot_assignment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `spot_event_assignment_idx` ON `spot_event` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `certificate` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`staff_id` integer NOT NULL,
	`competency_id` integer NOT NULL,
	`attempt_id` integer,
	`issued_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`verification_code` text NOT NULL,
	`revoked_at` integer,
	`revoked_by` integer,
	`revoke_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_id`) REFERENCES `competency`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_number_unique` ON `certificate` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_code_uq` ON `certificate` (`verification_code`);--> statement-breakpoint
CREATE INDEX `certificate_staff_idx` ON `certificate` (`staff_id`);--> statement-breakpoint
CREATE INDEX `certificate_expires_idx` ON `certificate` (`expires_on`);--> statement-breakpoint
CREATE TABLE `competency` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`validity_months` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competency_code_unique` ON `competency` (`code`);--> statement-breakpoint
CREATE TABLE `competency_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`competency_id` integer NOT NULL,
	`kind` text NOT NULL,
	`valid_until` text,
	`evidence_type` text NOT NULL,
	`evidence_ref` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`occurred_at` integer NOT NULL,
	`recorded_by` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_id`) REFERENCES `competency`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `competency_event_staff_idx` ON `competency_event` (`staff_id`,`competency_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `competency_rule` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competency_id` integer NOT NULL,
	`trigger` text NOT NULL,
	`exam_purpose` text,
	`exam_id` integer,
	`course_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`competency_id`) REFERENCES `competency`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exam_id`) REFERENCES `exam_definition`(`id`) ON UPDATE no action ON DELETE no action
);
