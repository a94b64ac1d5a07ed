package io.memberpulse.salesforce.outbound;

import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.MappingService;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes a Bulk backfill write what a Collections one would: each snapshot read as a
 * {@code member.upserted} by the features' planners (e.g. the status tag), the features' extra
 * Contact values computed per batch of {@code memberpulse.outbound.batch-size} members exactly as for
 * a Collections write (the tag picklist from its baseline, read first where unknown; Lead enrichment's
 * diversions), and after the job the planners' other work (tag records, campaign members, Lead updates)
 * queued at backfill priority, once the members' Contacts exist.
 */
@ApplicationScoped
class BulkPreparation {

    /** What a Bulk job uploads, and what follows it. */
    record Upload(ContactMapping mapping, BulkRecords records, List<PlannedChange> otherWork) {
    }

    private final WorkPlanners planners;
    private final MappingService mappings;
    private final LinkRepository links;
    private final ContactWrites contactWrites;
    private final OutboundConfig config;
    private final BackfillQueue queue;
    private final Pool pool;

    BulkPreparation(WorkPlanners planners, MappingService mappings, LinkRepository links, ContactWrites contactWrites,
            OutboundConfig config, BackfillQueue queue, Pool pool) {
        this.planners = planners;
        this.mappings = mappings;
        this.links = links;
        this.contactWrites = contactWrites;
        this.config = config;
        this.queue = queue;
        this.pool = pool;
    }

    Uni<Upload> upload(OrgCredentials org, Instant asOf, List<MemberSnapshot> members) {
        return planners.forTenant(org.tenantId())
                .map(folders -> SnapshotWork.of(folders, members, asOf))
                .chain(work -> withMapping(org, work, members));
    }

    private Uni<Upload> withMapping(OrgCredentials org, SnapshotWork work, List<MemberSnapshot> members) {
        return mappings.contactMapping(org.tenantId())
                .chain(mapping -> withLinks(org, mapping, work, work.snapshots(members)));
    }

    private Uni<Upload> withLinks(OrgCredentials org, ContactMapping mapping, SnapshotWork work,
            List<MemberSnapshot> snapshots) {
        List<String> memberIds = snapshots.stream().map(MemberSnapshot::memberId).collect(Collectors.toList());
        return Uni.combine().all().unis(links.links(org.tenantId(), memberIds),
                        links.accounts(org.tenantId(), companyKeys(snapshots)))
                .asTuple()
                .chain(both -> withExtras(org, mapping, work, snapshots, both.getItem1(), both.getItem2()));
    }

    private Uni<Upload> withExtras(OrgCredentials org, ContactMapping mapping, SnapshotWork work,
            List<MemberSnapshot> snapshots, Map<String, MemberLink> linked, Map<String, String> accounts) {
        return extras(org, snapshots, linked)
                .map(extras -> new Upload(mapping, new BulkRecords(mapping, snapshots, linked, accounts, extras),
                        work.otherWork()));
    }

    /** After the job: the planners' other work joins the outbox; it needs the Contacts the job made. */
    Uni<Void> afterJob(String tenantId, Upload upload) {
        return upload.otherWork().isEmpty() ? Uni.createFrom().voidItem()
                : queue.enqueueOther(tenantId, upload.otherWork());
    }

    /** The features' extra values, one Collections batch's worth of members at a time. */
    private Uni<Map<String, ContactExtras.Extra>> extras(OrgCredentials org, List<MemberSnapshot> snapshots,
            Map<String, MemberLink> linked) {
        Map<String, ContactExtras.Extra> all = new HashMap<>();
        return Multi.createFrom().iterable(chunks(items(snapshots)))
                .onItem().transformToUniAndConcatenate(chunk -> contactWrites.extras(org, chunk, linked))
                .invoke(all::putAll)
                .collect().last()
                .replaceWith(all);
    }

    /** Snapshots as the claimed items the features' extras read (nothing is claimed: id 0). */
    private static List<ClaimedItem> items(List<MemberSnapshot> snapshots) {
        return snapshots.stream()
                .map(s -> new ClaimedItem(0, s.memberId(), OutboundOperation.CONTACT_UPSERT, "", s.fields(),
                        s.company() == null ? null : CompanyKeys.of(s.company()), 0, 1, null))
                .collect(Collectors.toList());
    }

    private List<List<ClaimedItem>> chunks(List<ClaimedItem> items) {
        List<List<ClaimedItem>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += config.batchSize()) {
            chunks.add(items.subList(from, Math.min(items.size(), from + config.batchSize())));
        }
        return chunks;
    }

    static List<String> companyKeys(List<MemberSnapshot> members) {
        return members.stream()
                .map(MemberSnapshot::company)
                .filter(java.util.Objects::nonNull)
                .map(CompanyKeys::of)
                .distinct()
                .collect(Collectors.toList());
    }
}
