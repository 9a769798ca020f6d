CREATE TABLE "sharing_patron_pages" (
	"library_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"card_prefix" text DEFAULT '' NOT NULL,
	"card_min_length" smallint DEFAULT 5 NOT NULL,
	"card_max_length" smallint DEFAULT 20 NOT NULL,
	"pickup_locations" text[] DEFAULT '{}'::text[] NOT NULL,
	"allow_copies" boolean DEFAULT true NOT NULL,
	"intro_en" text DEFAULT '' NOT NULL,
	"intro_es" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_iso_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid,
	"attempt_id" uuid,
	"partner_id" uuid,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"body_hash" text,
	"confirmation" text,
	"status" text NOT NULL,
	"error" text,
	"tries" smallint DEFAULT 0 NOT NULL,
	"next_try_at" timestamp with time zone,
	"duration_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sharing_iso_partners" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"agency_id_type" text NOT NULL,
	"agency_id_value" text NOT NULL,
	"endpoint_url" text NOT NULL,
	"iso_version" text DEFAULT '2021' NOT NULL,
	"outbound_account_id" text,
	"outbound_security_code" text,
	"inbound_account_id" text,
	"inbound_security_code_hash" text,
	"quirks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"lends" boolean DEFAULT true NOT NULL,
	"borrows" boolean DEFAULT true NOT NULL,
	"unreachable_since" timestamp with time zone,
	"last_error" text,
	"last_contact_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sharing_attempts" ADD COLUMN "external_request_id" text;--> statement-breakpoint
ALTER TABLE "sharing_patrons" ADD COLUMN "card_number" text;--> statement-breakpoint
ALTER TABLE "sharing_requests" ADD COLUMN "source" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "sharing_requests" ADD COLUMN "external_request_id" text;--> statement-breakpoint
ALTER TABLE "sharing_patron_pages" ADD CONSTRAINT "sharing_patron_pages_library_id_organizations_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_iso_messages" ADD CONSTRAINT "sharing_iso_messages_request_id_sharing_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."sharing_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_iso_messages" ADD CONSTRAINT "sharing_iso_messages_partner_id_organizations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_iso_partners" ADD CONSTRAINT "sharing_iso_partners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sharing_iso_messages_request_idx" ON "sharing_iso_messages" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "sharing_iso_messages_outbox_idx" ON "sharing_iso_messages" USING btree ("next_try_at") WHERE "sharing_iso_messages"."direction" = 'out' AND "sharing_iso_messages"."status" IN ('pending', 'retrying');--> statement-breakpoint
CREATE UNIQUE INDEX "sharing_iso_messages_inbound_key" ON "sharing_iso_messages" USING btree ("partner_id","body_hash") WHERE "sharing_iso_messages"."direction" = 'in';--> statement-breakpoint
CREATE UNIQUE INDEX "sharing_iso_partners_agency_key" ON "sharing_iso_partners" USING btree ("agency_id_type","agency_id_value");--> statement-breakpoint
CREATE UNIQUE INDEX "sharing_requests_external_key" ON "sharing_requests" USING btree ("borrower_id","external_request_id") WHERE "sharing_requests"."external_request_id" IS NOT NULL;