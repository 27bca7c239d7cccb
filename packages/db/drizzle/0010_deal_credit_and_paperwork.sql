CREATE TABLE `deal_paperwork` (
	`deal_id` text NOT NULL,
	`step` text NOT NULL,
	`done_on` text,
	`holder` text,
	`note` text,
	`updated_by` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`deal_id`, `step`),
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `deals` ADD `credit` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `receptions_customer` ON `receptions` (`customer_id`,`assigned_at`);