CREATE TABLE `appeals` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`reception_id` text NOT NULL,
	`consultant_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	`status` text NOT NULL,
	`answer` text,
	`answered_by` text,
	`answered_at` text,
	`granted_turn` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reception_id`) REFERENCES `receptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appeals_project` ON `appeals` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`date` text NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`device_id` text,
	`user_id` text,
	`phone` text NOT NULL,
	`customer_id` text,
	`surname` text,
	`title` text,
	`party_size` integer NOT NULL,
	`channel` text,
	`consent_version` text,
	`outcome` text NOT NULL,
	`reception_id` text NOT NULL,
	`waiting_id` text,
	`wait_position` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_ins_day` ON `check_ins` (`project_id`,`date`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`phone` text NOT NULL,
	`surname` text,
	`title` text,
	`owner_id` text,
	`grade` text,
	`protection_ends_at` text,
	`last_contact_at` text,
	`channel` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_project_phone` ON `customers` (`project_id`,`phone`);--> statement-breakpoint
CREATE INDEX `customers_owner` ON `customers` (`owner_id`);--> statement-breakpoint
CREATE INDEX `customers_surname` ON `customers` (`project_id`,`surname`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`project_id` text NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `receptions` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`date` text NOT NULL,
	`check_in_id` text NOT NULL,
	`kind` text NOT NULL,
	`consultant_id` text NOT NULL,
	`customer_id` text,
	`reason` text NOT NULL,
	`on_behalf_of` text,
	`uses_turn` integer NOT NULL,
	`queue_before` text NOT NULL,
	`assigned_at` text NOT NULL,
	`status` text NOT NULL,
	`finished_at` text,
	`result` text,
	`grade` text,
	`note` text,
	`missed_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`check_in_id`) REFERENCES `check_ins`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`on_behalf_of`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receptions_day` ON `receptions` (`project_id`,`date`);--> statement-breakpoint
CREATE INDEX `receptions_consultant` ON `receptions` (`consultant_id`,`status`);--> statement-breakpoint
CREATE TABLE `rotation_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`date` text NOT NULL,
	`at` text NOT NULL,
	`type` text NOT NULL,
	`event` text NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rotation_events_day` ON `rotation_events` (`project_id`,`date`,`id`);--> statement-breakpoint
CREATE TABLE `waiting_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`date` text NOT NULL,
	`check_in_id` text NOT NULL,
	`since` text NOT NULL,
	`wait_position` integer NOT NULL,
	`status` text NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`check_in_id`) REFERENCES `check_ins`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `waiting_day` ON `waiting_entries` (`project_id`,`date`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`url` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`delivered_at` text,
	`failed_at` text,
	`last_error` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_due` ON `webhook_deliveries` (`delivered_at`,`failed_at`,`next_attempt_at`);