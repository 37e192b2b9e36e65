CREATE TABLE "identities" (
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identities_pkey" PRIMARY KEY("issuer","subject")
);
--> statement-breakpoint
CREATE TABLE "identity_revocations" (
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"revoked_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_revocations_pkey" PRIMARY KEY("issuer","subject")
);
--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "identities_user_id_key" ON "identities" USING btree ("user_id");--> statement-breakpoint
-- A deleted account's identity may sign up again, but not with a token it held before the deletion:
-- recording the moment here, as the link goes (however the user row is deleted), lets every server
-- process refuse the older tokens without being told.
create or replace function tg_identities__revoke() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  insert into identity_revocations (issuer, subject, revoked_at)
  values (old.issuer, old.subject, now())
  on conflict (issuer, subject) do update set revoked_at = excluded.revoked_at;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_revoke on identities;
--> statement-breakpoint
create trigger _500_revoke after delete on identities for each row execute function tg_identities__revoke();
--> statement-breakpoint
comment on function tg_identities__revoke() is 'Records when an identity lost its account, so its earlier tokens are refused.';
