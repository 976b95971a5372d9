-- Results keep the branch and position a person had when they happened (issue 14, item 7).
-- Rows written before these columns existed get the person's current branch and position: the
-- best there is. The month summary is then rebuilt from the attempts' own branch, the same
-- statement as reports/attempt-summary.ts rebuildAttemptSummary, so live counts and a rebuild
-- agree from here on.
UPDATE "attempt" SET
	"branch_id" = (SELECT s."branch_id" FROM "staff" s WHERE s."id" = "attempt"."staff_id"),
	"position" = (SELECT s."position" FROM "staff" s WHERE s."id" = "attempt"."staff_id")
WHERE "branch_id" IS NULL;
--> statement-breakpoint
UPDATE "hour_entry" SET
	"branch_id" = (SELECT s."branch_id" FROM "staff" s WHERE s."id" = "hour_entry"."staff_id"),
	"position" = (SELECT s."position" FROM "staff" s WHERE s."id" = "hour_entry"."staff_id")
WHERE "branch_id" IS NULL;
--> statement-breakpoint
UPDATE "onboarding_plan" SET
	"branch_id" = (SELECT s."branch_id" FROM "staff" s WHERE s."id" = "onboarding_plan"."staff_id"),
	"position" = (SELECT s."position" FROM "staff" s WHERE s."id" = "onboarding_plan"."staff_id")
WHERE "branch_id" IS NULL;
--> statement-breakpoint
UPDATE "spot_assignment" SET
	"position" = (SELECT s."position" FROM "staff" s WHERE s."id" = "spot_assignment"."staff_id")
WHERE "position" IS NULL;
--> statement-breakpoint
DELETE FROM "attempt_month_summary";
--> statement-breakpoint
INSERT INTO "attempt_month_summary" ("exam_id", "month", "branch_id", "sat", "passed")
SELECT a."exam_id",
	to_char(to_timestamp((a."started_at" + 28800000) / 1000.0) at time zone 'UTC', 'YYYY-MM'),
	a."branch_id", count(*), sum(case when a."passed" then 1 else 0 end)
FROM "attempt" a
WHERE a."status" = 'submitted' AND a."branch_id" IS NOT NULL
GROUP BY 1, 2, 3;
