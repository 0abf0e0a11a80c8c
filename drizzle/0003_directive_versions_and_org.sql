CREATE TABLE "directive_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_name" text NOT NULL,
	"source_text" text NOT NULL,
	"letter" jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extras" jsonb,
	"active" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_settings" (
	"id" smallint PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "directive_versions_one_active_uq" ON "directive_versions" USING btree ("active") WHERE "directive_versions"."active";