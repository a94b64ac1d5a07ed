-- Claims take the tenant's whole queue (full batches of 200, the fewest calls) instead of fixed
-- lanes; two batches in flight never share an Account because a claim skips items whose company
-- key is already in flight, and claims of one tenant are serialised by an advisory lock.
drop index outbox_item_claim_idx;
alter table outbox_item drop column lane;
create index outbox_item_claim_idx on outbox_item (tenant_id, priority, id) where status = 'PENDING';
create index outbox_item_in_flight_key_idx on outbox_item (tenant_id, company_key) where status = 'IN_FLIGHT';
