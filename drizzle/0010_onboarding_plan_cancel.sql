ALTER TABLE `onboarding_plan` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `onboarding_plan` ADD `cancelled_by` integer REFERENCES staff(id);--> statement-breakpoint
ALTER TABLE `onboarding_plan` ADD `cancel_reason` text;