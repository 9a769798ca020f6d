CREATE TABLE "learning_ce_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_es" text NOT NULL,
	"period_years" integer NOT NULL,
	"hours_required" numeric(6, 2) NOT NULL,
	"category_minimums" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"hours_per_ceu" integer DEFAULT 10 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"registration_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"recipient_name" text NOT NULL,
	"organization_name" text NOT NULL,
	"title_en" text NOT NULL,
	"title_es" text NOT NULL,
	"contact_hours" numeric(5, 2) NOT NULL,
	"competency_area" text NOT NULL,
	"completed_on" date NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "learning_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_org_id" uuid NOT NULL,
	"created_by" uuid,
	"title_en" text NOT NULL,
	"title_es" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_es" text DEFAULT '' NOT NULL,
	"format" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"time_zone" text NOT NULL,
	"topic" text NOT NULL,
	"competency_area" text NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"presenters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_hours" numeric(5, 2) NOT NULL,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"seat_cap_per_institution" integer,
	"visibility" text DEFAULT 'members' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"registration_opens_at" timestamp with time zone NOT NULL,
	"registration_closes_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"join_url" text DEFAULT '' NOT NULL,
	"member_price_cents" integer DEFAULT 0 NOT NULL,
	"nonmember_price_cents" integer DEFAULT 0 NOT NULL,
	"early_bird_price_cents" integer,
	"early_bird_until" timestamp with time zone,
	"promotion_mode" text DEFAULT 'direct' NOT NULL,
	"offer_hours" integer DEFAULT 24 NOT NULL,
	"minimum_minutes" integer,
	"reminder_hours_before" integer DEFAULT 24 NOT NULL,
	"reminder_en" text DEFAULT '' NOT NULL,
	"reminder_es" text DEFAULT '' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "learning_events_capacity_check" CHECK ("learning_events"."capacity" >= 0 AND "learning_events"."seats_taken" >= 0),
	CONSTRAINT "learning_events_order_check" CHECK ("learning_events"."starts_at" < "learning_events"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "learning_feed_tokens" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_feed_tokens_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "learning_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"sent_by" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"include_waitlist" boolean DEFAULT false NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_outside_training" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"provider" text NOT NULL,
	"completed_on" date NOT NULL,
	"contact_hours" numeric(5, 2) NOT NULL,
	"competency_area" text NOT NULL,
	"proof_name" text,
	"proof_type" text,
	"proof" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_outside_hours_check" CHECK ("learning_outside_training"."contact_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "learning_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"registered_by" uuid,
	"status" text NOT NULL,
	"waitlist_seq" bigserial NOT NULL,
	"offer_expires_at" timestamp with time zone,
	"price_category" text NOT NULL,
	"amount_cents" integer DEFAULT 0 NOT NULL,
	"invoice_reference" text,
	"accommodation" text DEFAULT '' NOT NULL,
	"checked_in_at" timestamp with time zone,
	"minutes_attended" integer,
	"attended" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text
);
--> statement-breakpoint
CREATE TABLE "learning_reminders" (
	"registration_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_reminders_registration_id_session_id_pk" PRIMARY KEY("registration_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "learning_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "learning_sessions_order_check" CHECK ("learning_sessions"."starts_at" < "learning_sessions"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "learning_certificates" ADD CONSTRAINT "learning_certificates_registration_id_learning_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."learning_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_certificates" ADD CONSTRAINT "learning_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_certificates" ADD CONSTRAINT "learning_certificates_event_id_learning_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."learning_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_events" ADD CONSTRAINT "learning_events_organizer_org_id_organizations_id_fk" FOREIGN KEY ("organizer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_events" ADD CONSTRAINT "learning_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_feed_tokens" ADD CONSTRAINT "learning_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_messages" ADD CONSTRAINT "learning_messages_event_id_learning_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."learning_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_messages" ADD CONSTRAINT "learning_messages_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_outside_training" ADD CONSTRAINT "learning_outside_training_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_registrations" ADD CONSTRAINT "learning_registrations_event_id_learning_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."learning_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_registrations" ADD CONSTRAINT "learning_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_registrations" ADD CONSTRAINT "learning_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_registrations" ADD CONSTRAINT "learning_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_reminders" ADD CONSTRAINT "learning_reminders_registration_id_learning_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."learning_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_reminders" ADD CONSTRAINT "learning_reminders_session_id_learning_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."learning_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_sessions" ADD CONSTRAINT "learning_sessions_event_id_learning_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."learning_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "learning_ce_rules_code_key" ON "learning_ce_rules" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_certificates_code_key" ON "learning_certificates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_certificates_registration_key" ON "learning_certificates" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "learning_certificates_user_idx" ON "learning_certificates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "learning_events_starts_idx" ON "learning_events" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "learning_events_org_idx" ON "learning_events" USING btree ("organizer_org_id","starts_at");--> statement-breakpoint
CREATE INDEX "learning_outside_user_idx" ON "learning_outside_training" USING btree ("user_id","completed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_registrations_live_key" ON "learning_registrations" USING btree ("event_id","user_id") WHERE "learning_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "learning_registrations_event_idx" ON "learning_registrations" USING btree ("event_id","status","waitlist_seq");--> statement-breakpoint
CREATE INDEX "learning_registrations_user_idx" ON "learning_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "learning_registrations_offer_idx" ON "learning_registrations" USING btree ("offer_expires_at") WHERE "learning_registrations"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "learning_sessions_event_idx" ON "learning_sessions" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "learning_sessions_starts_idx" ON "learning_sessions" USING btree ("starts_at");