CREATE TABLE `report_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`snapshot` text NOT NULL,
	`comment` text,
	`prepared_by` text NOT NULL,
	`prepared_at` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_comment` text,
	`submitted_by` text,
	`submitted_at` text,
	`due_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prepared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_submissions_version` ON `report_submissions` (`project_id`,`kind`,`date`,`version`);--> statement-breakpoint
CREATE INDEX `report_submissions_project` ON `report_submissions` (`project_id`,`kind`,`date`);