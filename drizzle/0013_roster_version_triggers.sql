-- The roster commit plans outside its write transaction (so sign-in keeps working during a
-- 100,000-row import) and checks inside it that nothing it planned against has moved: this
-- counter goes up with every change to branches, to a person's roster fields or to roles.
-- A new staff row alone does not count: if it takes an employee number the plan wanted to
-- create, the insert fails on the unique index and the commit plans again.
INSERT INTO `roster_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `roster_version_branch_insert` AFTER INSERT ON `branch`
BEGIN UPDATE `roster_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `roster_version_branch_update` AFTER UPDATE ON `branch`
BEGIN UPDATE `roster_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `roster_version_branch_delete` AFTER DELETE ON `branch`
BEGIN UPDATE `roster_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `roster_version_staff_update`
AFTER UPDATE OF `employee_no`, `name`, `branch_id`, `position`, `hire_date`, `status` ON `staff`
BEGIN UPDATE `roster_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `roster_version_staff_delete` AFTER DELETE ON `staff`
BEGIN UPDATE `roster_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `roster_version_role_insert` AFTER INSERT ON `staff_role`
BEGIN UPDATE `roster_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `roster_version_role_update` AFTER UPDATE ON `staff_role`
BEGIN UPDATE `roster_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `roster_version_role_delete` AFTER DELETE ON `staff_role`
BEGIN UPDATE `roster_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
