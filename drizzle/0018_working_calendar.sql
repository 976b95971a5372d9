CREATE TABLE `calendar_override` (
	`day` text PRIMARY KEY NOT NULL,
	`working` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`set_by` integer,
	`set_at` integer NOT NULL,
	FOREIGN KEY (`set_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
