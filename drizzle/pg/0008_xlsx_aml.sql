CREATE TABLE "report_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_by" integer,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "class_session" ADD COLUMN "aml_training" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "course" ADD COLUMN "aml_training" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report_setting" ADD CONSTRAINT "report_setting_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;