ALTER TABLE `check_ins` ADD `waiting_status` text;--> statement-breakpoint
ALTER TABLE `check_ins` ADD `waiting_ended_at` text;--> statement-breakpoint
UPDATE `check_ins` SET `waiting_status` = (SELECT `status` FROM `waiting_entries` WHERE `waiting_entries`.`check_in_id` = `check_ins`.`id`), `waiting_ended_at` = (SELECT `ended_at` FROM `waiting_entries` WHERE `waiting_entries`.`check_in_id` = `check_ins`.`id`) WHERE `waiting_id` IS NOT NULL;--> statement-breakpoint
DROP TABLE `waiting_entries`;
