-- The tag picklist's baseline (issue 6): the Contact's tag field value as MemberPulse last knew it
-- stays in member_link.last_written (written by the pipeline, or observed in an inbound change);
-- tags_seen_at is when an inbound change (or a read before a write) last set it.
alter table member_link add column tags_seen_at timestamptz;

-- Since when the lease holder's subscription to the tenant's Contact change events has been
-- subscribed without interruption (lane -3 only; null while it is not subscribed). A baseline
-- recorded after that moment has been kept current by every later change event.
alter table worker_lease add column live_since timestamptz;

-- OBSERVED: the baseline kept current by Change Data Capture, read only when it may be stale.
alter table tag_settings drop constraint tag_settings_picklist_baseline_check;
alter table tag_settings add constraint tag_settings_picklist_baseline_check
    check (picklist_baseline in ('OBSERVED', 'READ', 'LAST_WRITTEN'));
