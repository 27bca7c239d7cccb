DROP INDEX `users_pin_unique`;--> statement-breakpoint
CREATE INDEX `users_pin` ON `users` (`pin_hash`);