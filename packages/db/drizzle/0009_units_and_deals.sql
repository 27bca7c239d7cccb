CREATE TABLE `counters` (
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`project_id`, `name`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `deal_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`deal_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`details` text NOT NULL,
	`before` text,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`note` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deal_changes_deal` ON `deal_changes` (`deal_id`,`requested_at`);--> statement-breakpoint
CREATE INDEX `deal_changes_project` ON `deal_changes` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `deal_schedule` (
	`deal_id` text NOT NULL,
	`seq` integer NOT NULL,
	`label` text,
	`due_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	PRIMARY KEY(`deal_id`, `seq`),
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deal_schedule_due` ON `deal_schedule` (`due_on`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`consultant_id` text NOT NULL,
	`status` text NOT NULL,
	`payment_method` text NOT NULL,
	`price_fen` integer NOT NULL,
	`list_price_fen` integer NOT NULL,
	`quote_fen` integer NOT NULL,
	`area_centi_m2` integer NOT NULL,
	`deposit_fen` integer NOT NULL,
	`sign_by` text NOT NULL,
	`special_price_id` text,
	`subscribed_at` text NOT NULL,
	`subscribed_on` text NOT NULL,
	`contract_no` text,
	`signed_on` text,
	`signed_at` text,
	`backdate_on` text,
	`backdate_by` text,
	`online_sign_ref` text,
	`online_sign_on` text,
	`closed_at` text,
	`paid_fen` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`backdate_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deals_live_unit` ON `deals` (`unit_id`) WHERE "deals"."status" in ('subscribed', 'signed');--> statement-breakpoint
CREATE UNIQUE INDEX `deals_contract` ON `deals` (`project_id`,`contract_no`) WHERE "deals"."contract_no" is not null;--> statement-breakpoint
CREATE INDEX `deals_project` ON `deals` (`project_id`,`status`,`subscribed_at`);--> statement-breakpoint
CREATE INDEX `deals_consultant` ON `deals` (`project_id`,`consultant_id`,`subscribed_at`);--> statement-breakpoint
CREATE INDEX `deals_customer` ON `deals` (`customer_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`deal_id` text NOT NULL,
	`receipt_seq` integer NOT NULL,
	`receipt_no` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`direction` text DEFAULT 'in' NOT NULL,
	`method` text NOT NULL,
	`kind` text NOT NULL,
	`paid_on` text NOT NULL,
	`status` text NOT NULL,
	`recorded_by` text,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_receipt` ON `payments` (`project_id`,`receipt_seq`);--> statement-breakpoint
CREATE INDEX `payments_deal` ON `payments` (`deal_id`);--> statement-breakpoint
CREATE INDEX `payments_project_day` ON `payments` (`project_id`,`paid_on`);--> statement-breakpoint
CREATE TABLE `special_prices` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`consultant_id` text NOT NULL,
	`payment_method` text NOT NULL,
	`price_fen` integer NOT NULL,
	`quote_fen` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`note` text,
	`valid_until` text,
	`used_by_deal_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `special_prices_project` ON `special_prices` (`project_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `special_prices_unit` ON `special_prices` (`unit_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `targets` (
	`project_id` text NOT NULL,
	`month` text NOT NULL,
	`consultant_id` text DEFAULT '' NOT NULL,
	`visits` integer DEFAULT 0 NOT NULL,
	`subscriptions` integer DEFAULT 0 NOT NULL,
	`signings` integer DEFAULT 0 NOT NULL,
	`signing_fen` integer DEFAULT 0 NOT NULL,
	`collection_fen` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`project_id`, `month`, `consultant_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `unit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` text NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`deal_id` text,
	`actor_id` text,
	`reason` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_events_unit` ON `unit_events` (`unit_id`,`id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`building` text NOT NULL,
	`entrance` text NOT NULL,
	`floor` integer NOT NULL,
	`room` text NOT NULL,
	`layout` text NOT NULL,
	`area_centi_m2` integer NOT NULL,
	`list_price_fen` integer NOT NULL,
	`product` text NOT NULL,
	`orientation` text,
	`status` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_place` ON `units` (`project_id`,`building`,`entrance`,`room`);--> statement-breakpoint
CREATE INDEX `units_grid` ON `units` (`project_id`,`building`,`entrance`,`floor`,`room`);