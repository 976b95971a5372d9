CREATE TABLE `login_captcha` (
	`id` text PRIMARY KEY NOT NULL,
	`answer` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_captcha_address_idx` ON `login_captcha` (`address`,`created_at`);--> statement-breakpoint
CREATE INDEX `login_captcha_expires_idx` ON `login_captcha` (`expires_at`);--> statement-breakpoint
CREATE TABLE `login_failure` (
	`account` text NOT NULL,
	`address` text NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`account`, `address`)
);
--> statement-breakpoint
CREATE INDEX `login_failure_expires_idx` ON `login_failure` (`expires_at`);--> statement-breakpoint
DROP TABLE `login_throttle`;