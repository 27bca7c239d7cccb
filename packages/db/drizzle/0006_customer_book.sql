CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`type` text NOT NULL,
	`happened_at` text NOT NULL,
	`entered_at` text NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`consultant_id` text,
	`method` text,
	`note` text,
	`grade` text,
	`next_follow_up_on` text,
	`reception_id` text,
	`payload` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_customer` ON `activities` (`customer_id`,`happened_at`);--> statement-breakpoint
CREATE INDEX `activities_consultant` ON `activities` (`project_id`,`consultant_id`,`happened_at`);--> statement-breakpoint
CREATE INDEX `activities_late` ON `activities` (`project_id`,`entered_at`) WHERE "activities"."late" = 1;--> statement-breakpoint
CREATE INDEX `activities_type` ON `activities` (`project_id`,`type`,`happened_at`);--> statement-breakpoint
CREATE TABLE `channel_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`reporter_id` text NOT NULL,
	`agency` text,
	`channel` text NOT NULL,
	`agent_name` text NOT NULL,
	`agent_phone` text,
	`phone` text,
	`first3` text NOT NULL,
	`last4` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`status` text NOT NULL,
	`status_at` text,
	`invalid_reason` text,
	`customer_id` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `channel_reports_match` ON `channel_reports` (`project_id`,`first3`,`last4`);--> statement-breakpoint
CREATE INDEX `channel_reports_reporter` ON `channel_reports` (`project_id`,`reporter_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `customer_phones` (
	`project_id` text NOT NULL,
	`phone` text NOT NULL,
	`customer_id` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`project_id`, `phone`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_phones_customer` ON `customer_phones` (`customer_id`);--> statement-breakpoint
CREATE TABLE `day_closes` (
	`project_id` text NOT NULL,
	`consultant_id` text NOT NULL,
	`date` text NOT NULL,
	`closed_at` text NOT NULL,
	`missing` text NOT NULL,
	PRIMARY KEY(`project_id`, `consultant_id`, `date`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ownership_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`claimant_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`source` text NOT NULL,
	`at` text NOT NULL,
	`status` text NOT NULL,
	`resolved_owner_id` text,
	`resolved_by` text,
	`resolved_at` text,
	`reason` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ownership_conflicts_project` ON `ownership_conflicts` (`project_id`,`status`,`at`);--> statement-breakpoint
CREATE TABLE `survey_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`consultant_id` text NOT NULL,
	`answers` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_answers_customer` ON `survey_answers` (`survey_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`title` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`questions` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `surveys_project` ON `surveys` (`project_id`,`starts_on`);--> statement-breakpoint
DROP INDEX `customers_owner`;--> statement-breakpoint
ALTER TABLE `customers` ADD `full_name` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `search_name` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `grade_at` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `next_follow_up_on` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `follow_up_due_on` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `tags` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `notes` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `erased_at` text;--> statement-breakpoint
CREATE INDEX `customers_owner_contact` ON `customers` (`project_id`,`owner_id`,`last_contact_at`,`id`) WHERE "customers"."owner_id" is not null;--> statement-breakpoint
CREATE INDEX `customers_owner_due` ON `customers` (`project_id`,`owner_id`,`follow_up_due_on`,`id`) WHERE "customers"."owner_id" is not null and "customers"."follow_up_due_on" is not null;--> statement-breakpoint
CREATE INDEX `customers_contact` ON `customers` (`project_id`,`last_contact_at`,`id`) WHERE "customers"."last_contact_at" is not null;--> statement-breakpoint
CREATE INDEX `customers_name` ON `customers` (`project_id`,`search_name`) WHERE "customers"."search_name" is not null;--> statement-breakpoint
ALTER TABLE `users` ADD `agency` text;--> statement-breakpoint
UPDATE `customers` SET `search_name` = lower(coalesce(`surname`, '') || coalesce(`title`, '')) WHERE `surname` IS NOT NULL;--> statement-breakpoint
UPDATE `customers` SET `grade_at` = `last_contact_at` WHERE `grade` IS NOT NULL;--> statement-breakpoint
INSERT INTO `activities` (`id`, `project_id`, `customer_id`, `type`, `happened_at`, `entered_at`, `late`, `consultant_id`, `grade`, `note`, `reception_id`)
SELECT 'r' || `id`, `project_id`, `customer_id`, `kind`, `assigned_at`, coalesce(`finished_at`, `assigned_at`), 0, `consultant_id`, `grade`, `note`, `id`
FROM `receptions` WHERE `customer_id` IS NOT NULL AND `status` = 'finished' AND `result` = 'valid';
