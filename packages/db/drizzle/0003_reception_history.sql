ALTER TABLE `receptions` ADD `moved_from` text;--> statement-breakpoint
ALTER TABLE `receptions` ADD `moved_to` text;--> statement-breakpoint
ALTER TABLE `receptions` ADD `status_reason` text;