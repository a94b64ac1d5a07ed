package io.memberpulse.salesforce.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.quarkus.arc.DefaultBean;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Test scope only, and only while no other {@link CatchUp} exists (inbound core owns the real one):
 * a plain SOQL {@code queryAll} of the object's records modified since, applied as full records in
 * one transaction. Lets the subscriber's catch-up paths be tested before the real one lands.
 */
@DefaultBean
@ApplicationScoped
class InterimCatchUp implements CatchUp {

    private static final DateTimeFormatter SOQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter SALESFORCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final TenantCredentials credentials;
    private final SalesforceClient salesforce;
    private final InboundApplier applier;

    InterimCatchUp(TenantCredentials credentials, SalesforceClient salesforce, InboundApplier applier) {
        this.credentials = credentials;
        this.salesforce = salesforce;
        this.applier = applier;
    }

    @Override
    public Uni<CatchUpResult> catchUp(String tenantId, String objectType, Instant since, ChangeSource reason) {
        String from = SOQL_TIME.format(since.minusSeconds(5).atOffset(ZoneOffset.UTC));
        String fields = "Contact".equals(objectType) ? "Id, FirstName, LastName, Email, Phone, IsDeleted, SystemModstamp"
                : "Id, IsDeleted, SystemModstamp";
        String soql = "SELECT " + fields + " FROM " + objectType + " WHERE SystemModstamp >= " + from
                + " ORDER BY SystemModstamp";
        return credentials.of(tenantId)
                .chain(org -> salesforce.queryAll(org, soql).collect().asList())
                .map(records -> records.stream().map(record -> change(objectType, record, reason)).toList())
                .chain(changes -> changes.isEmpty() ? Uni.createFrom().item(new CatchUpResult(0, 0, since))
                        : Panache.withTransaction(() -> applier.apply(tenantId, changes))
                                .map(result -> new CatchUpResult(changes.size(), result.delivered(), newest(changes))));
    }

    /** The watermark: every change committed up to the newest SystemModstamp read is reflected in what was read. */
    private static Instant newest(List<SalesforceChange> changes) {
        return changes.stream().map(SalesforceChange::changedAt).max(Instant::compareTo).orElseThrow();
    }

    private static SalesforceChange change(String objectType, JsonNode record, ChangeSource reason) {
        ObjectNode values = record.deepCopy();
        values.remove("attributes");
        boolean deleted = values.path("IsDeleted").asBoolean(false);
        Instant at = OffsetDateTime.parse(values.path("SystemModstamp").asText(), SALESFORCE_TIME).toInstant();
        return new SalesforceChange(objectType, deleted ? ChangeKind.DELETE : ChangeKind.UPDATE,
                List.of(values.path("Id").asText()), values, true, at, null, null, reason,
                values.path("Id").asText() + "@" + at.toEpochMilli());
    }
}
