CREATE TABLE "calendar_override" (
	"day" text PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"set_by" integer,
	"set_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_override" ADD CONSTRAINT "calendar_override_set_by_staff_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;