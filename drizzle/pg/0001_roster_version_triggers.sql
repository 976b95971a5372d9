-- The same counter as SQLite's migration 0013: the roster commit plans outside its write
-- transaction and checks inside it that nothing it planned against has moved. It goes up with
-- every change to branches, to a person's roster fields or to roles (row by row, as on SQLite).
INSERT INTO "roster_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION "roster_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "roster_version" SET "version" = "version" + 1 WHERE "id" = 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "roster_version_branch" AFTER INSERT OR UPDATE OR DELETE ON "branch"
FOR EACH ROW EXECUTE FUNCTION "roster_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "roster_version_staff_update"
AFTER UPDATE OF "employee_no", "name", "branch_id", "position", "hire_date", "status" ON "staff"
FOR EACH ROW EXECUTE FUNCTION "roster_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "roster_version_staff_delete" AFTER DELETE ON "staff"
FOR EACH ROW EXECUTE FUNCTION "roster_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "roster_version_role" AFTER INSERT OR UPDATE OR DELETE ON "staff_role"
FOR EACH ROW EXECUTE FUNCTION "roster_version_bump"();
