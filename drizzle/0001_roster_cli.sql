PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_roster_import` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`file_name` text NOT NULL,
	`content` blob NOT NULL,
	`status` text DEFAULT 'previewed' NOT NULL,
	`summary` text,
	`committed_at` integer,
	`initial_passwords` text,
	`passwords_downloaded_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_roster_import`("id", "created_by", "created_at", "file_name", "content", "status", "summary", "committed_at", "initial_passwords", "passwords_downloaded_at") SELECT "id", "created_by", "created_at", "file_name", "content", "status", "summary", "committed_at", "initial_passwords", "passwords_downloaded_at" FROM `roster_import`;--> statement-breakpoint
DROP TABLE `roster_import`;--> statement-breakpoint
ALTER TABLE `__new_roster_import` RENAME TO `roster_import`;--> statement-breakpoint
PRAGMA foreign_keys=ON;