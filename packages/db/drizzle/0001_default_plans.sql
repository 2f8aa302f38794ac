-- Default plans from the PRD (staff edit them later). GB are decimal: 1 GB = 1e9 bytes.
INSERT INTO "plans" ("code", "name", "monthly_price_cents", "quota_bytes", "included_storage_bytes", "included_transfer_bytes", "is_default") VALUES
  ('free', 'Free', 0, 10000000000, 10000000000, 10000000000, true),
  ('starter', 'Starter', 4900, 100000000000, 100000000000, 100000000000, false),
  ('business', 'Business', 19900, 500000000000, 500000000000, 500000000000, false),
  ('enterprise', 'Enterprise', 69900, 2000000000000, 2000000000000, 2000000000000, false),
  ('custom', 'Custom', 0, 10000000000, 0, 0, false)
ON CONFLICT ("code") DO NOTHING;
