CREATE TYPE "public"."object_lock_mode" AS ENUM('governance', 'compliance');--> statement-breakpoint
CREATE TYPE "public"."quota_request_status" AS ENUM('pending', 'approved', 'rejected', 'canceled');--> statement-breakpoint
CREATE TABLE "quota_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"requested_by_user_id" uuid,
	"current_bytes" bigint NOT NULL,
	"requested_bytes" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" "quota_request_status" DEFAULT 'pending' NOT NULL,
	"decided_by_staff_id" uuid,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconciler_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"started_by_staff_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"checked_accounts" integer DEFAULT 0 NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "access_keys" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "access_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_keys" ADD COLUMN "scope" jsonb;--> statement-breakpoint
ALTER TABLE "access_keys" ADD COLUMN "rotated_from_key_id" uuid;--> statement-breakpoint
ALTER TABLE "access_keys" ADD COLUMN "grace_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_keys" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_keys" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "writes_blocked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "usage_bytes" bigint;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "usage_measured_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "buckets" ADD COLUMN "public_read" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "buckets" ADD COLUMN "object_lock" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "buckets" ADD COLUMN "lock_mode" "object_lock_mode";--> statement-breakpoint
ALTER TABLE "buckets" ADD COLUMN "lock_retention_days" integer;--> statement-breakpoint
ALTER TABLE "buckets" ADD COLUMN "lifecycle_rules" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "quota_change_requests" ADD CONSTRAINT "quota_change_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_change_requests" ADD CONSTRAINT "quota_change_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quota_change_requests_account_idx" ON "quota_change_requests" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "quota_change_requests_one_pending_uq" ON "quota_change_requests" USING btree ("account_id") WHERE "quota_change_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "reconciler_runs_started_idx" ON "reconciler_runs" USING btree ("started_at");