-- Claims skip members with a write in flight; without this index that check scans every
-- in-flight row of the tenant per candidate (measured: 33 ms per claim at 10,000 pending).
create index outbox_item_in_flight_member_idx on outbox_item (tenant_id, member_id) where status = 'IN_FLIGHT';
-- Retries look for a member's newer items; status counts and bulk retry read failed items.
create index outbox_item_member_idx on outbox_item (tenant_id, member_id, id);
create index outbox_item_failed_idx on outbox_item (tenant_id, id) where status = 'FAILED';
-- The sync log filtered by outcome, newest first.
create index sync_log_outcome_idx on sync_log (tenant_id, outcome, id desc);
