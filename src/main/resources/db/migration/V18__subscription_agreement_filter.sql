-- Issue 29: a webhook subscription may narrow the agreements it is told of with the agreement list's filters (sector,
-- country, party, status...), kept as JSON ({"sector": ["NAVAL"]}); null for every agreement.
ALTER TABLE webhook_subscription ADD COLUMN agreement_filter VARCHAR(2000);
