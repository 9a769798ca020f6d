CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"lender_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"remembered_state" text,
	"answer_by" timestamp with time zone,
	"due_date" date,
	"shipping_method" text,
	"tracking_id" text,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cost_cents" integer,
	"reason_code" text,
	"renewal_pending" boolean DEFAULT false NOT NULL,
	"copy_path" text,
	"copy_token_hash" text,
	"copy_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shipped_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sharing_contu" (
	"borrower_id" uuid NOT NULL,
	"journal" text NOT NULL,
	"year" smallint NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sharing_contu_borrower_id_journal_year_pk" PRIMARY KEY("borrower_id","journal","year")
);
--> statement-breakpoint
CREATE TABLE "sharing_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"attempt_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"library_id" uuid,
	"side" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"note" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'both' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" uuid,
	"library_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_patrons" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"locale" text DEFAULT 'en' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_policies" (
	"library_id" uuid PRIMARY KEY NOT NULL,
	"lending" boolean DEFAULT true NOT NULL,
	"formats_lent" text[] DEFAULT '{}'::text[] NOT NULL,
	"non_lending_locations" text[] DEFAULT '{}'::text[] NOT NULL,
	"active_loan_limit" integer,
	"answer_business_days" smallint DEFAULT 3 NOT NULL,
	"rush_answer_hours" smallint DEFAULT 24 NOT NULL,
	"loan_period_days" smallint DEFAULT 28 NOT NULL,
	"lender_of_last_resort" boolean DEFAULT false NOT NULL,
	"preferred_partners" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"goal_loans" smallint DEFAULT 1 NOT NULL,
	"goal_borrows" smallint DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sharing_policies_goal_check" CHECK ("sharing_policies"."goal_loans" > 0 AND "sharing_policies"."goal_borrows" > 0)
);
--> statement-breakpoint
CREATE TABLE "sharing_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"borrower_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"cluster_id" uuid,
	"citation" jsonb NOT NULL,
	"title" text NOT NULL,
	"author" text DEFAULT '' NOT NULL,
	"isbn" text DEFAULT '' NOT NULL,
	"issn" text DEFAULT '' NOT NULL,
	"oclc" text DEFAULT '' NOT NULL,
	"format" text DEFAULT '' NOT NULL,
	"item_key" text NOT NULL,
	"need_before" date,
	"pickup_location" text DEFAULT '' NOT NULL,
	"rush" boolean DEFAULT false NOT NULL,
	"staff_note" text,
	"state" text DEFAULT 'new' NOT NULL,
	"remembered_state" text,
	"current_attempt_id" uuid,
	"supplier_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sharing_rota" (
	"request_id" uuid NOT NULL,
	"library_id" uuid NOT NULL,
	"position" smallint,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skip_reason" text,
	CONSTRAINT "sharing_rota_request_id_library_id_pk" PRIMARY KEY("request_id","library_id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_attempts" ADD CONSTRAINT "sharing_attempts_request_id_sharing_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."sharing_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_attempts" ADD CONSTRAINT "sharing_attempts_lender_id_organizations_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_contu" ADD CONSTRAINT "sharing_contu_borrower_id_organizations_id_fk" FOREIGN KEY ("borrower_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_events" ADD CONSTRAINT "sharing_events_request_id_sharing_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."sharing_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_events" ADD CONSTRAINT "sharing_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_events" ADD CONSTRAINT "sharing_events_library_id_organizations_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_notes" ADD CONSTRAINT "sharing_notes_request_id_sharing_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."sharing_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_notes" ADD CONSTRAINT "sharing_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_notes" ADD CONSTRAINT "sharing_notes_library_id_organizations_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_patrons" ADD CONSTRAINT "sharing_patrons_request_id_sharing_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."sharing_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_policies" ADD CONSTRAINT "sharing_policies_library_id_organizations_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_requests" ADD CONSTRAINT "sharing_requests_borrower_id_organizations_id_fk" FOREIGN KEY ("borrower_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_requests" ADD CONSTRAINT "sharing_requests_cluster_id_catalog_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."catalog_clusters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_requests" ADD CONSTRAINT "sharing_requests_supplier_id_organizations_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_requests" ADD CONSTRAINT "sharing_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_rota" ADD CONSTRAINT "sharing_rota_request_id_sharing_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."sharing_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_rota" ADD CONSTRAINT "sharing_rota_library_id_organizations_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "sharing_attempts_request_idx" ON "sharing_attempts" USING btree ("request_id","position");--> statement-breakpoint
CREATE INDEX "sharing_attempts_lender_idx" ON "sharing_attempts" USING btree ("lender_id","state","updated_at");--> statement-breakpoint
CREATE INDEX "sharing_attempts_answer_idx" ON "sharing_attempts" USING btree ("answer_by") WHERE "sharing_attempts"."state" IN ('received', 'expect_to_supply');--> statement-breakpoint
CREATE INDEX "sharing_attempts_due_idx" ON "sharing_attempts" USING btree ("due_date") WHERE "sharing_attempts"."state" = 'shipped';--> statement-breakpoint
CREATE INDEX "sharing_attempts_copy_idx" ON "sharing_attempts" USING btree ("copy_expires_at") WHERE "sharing_attempts"."copy_path" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sharing_attempts_token_key" ON "sharing_attempts" USING btree ("copy_token_hash");--> statement-breakpoint
CREATE INDEX "sharing_events_request_idx" ON "sharing_events" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "sharing_notes_request_idx" ON "sharing_notes" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sharing_requests_seq_key" ON "sharing_requests" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "sharing_requests_borrower_idx" ON "sharing_requests" USING btree ("borrower_id","state","updated_at");--> statement-breakpoint
CREATE INDEX "sharing_requests_item_idx" ON "sharing_requests" USING btree ("borrower_id","item_key","created_at");--> statement-breakpoint
CREATE INDEX "sharing_requests_ended_idx" ON "sharing_requests" USING btree ("ended_at") WHERE "sharing_requests"."purged_at" IS NULL;--> statement-breakpoint
CREATE INDEX "sharing_requests_created_idx" ON "sharing_requests" USING btree ("created_at");