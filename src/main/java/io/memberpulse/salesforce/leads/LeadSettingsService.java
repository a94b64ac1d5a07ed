package io.memberpulse.salesforce.leads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The lead-enrichment settings API and the pipeline's view of them. */
@ApplicationScoped
public class LeadSettingsService {

    private final ConnectionService connections;
    private final LeadOrgCheck org;
    private final LeadSettingsRepository repository;
    private final ObjectMapper json;
    private final Pool pool;

    LeadSettingsService(ConnectionService connections, LeadOrgCheck org, LeadSettingsRepository repository,
            ObjectMapper json, Pool pool) {
        this.connections = connections;
        this.org = org;
        this.repository = repository;
        this.json = json;
        this.pool = pool;
    }

    /** The outcome of a PUT. */
    public record Replaced(LeadSettingsView view, boolean created) {
    }

    /** The tenant's settings; the defaults (off) when it never stored any. */
    public Uni<LeadSettings> settings(String tenantId) {
        // The reactive pool, not a Panache session: the planner loads every feature's settings at once.
        return pool.preparedQuery("select document::text from lead_settings where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? LeadSettings.defaults()
                        : read(rows.iterator().next().getString(0)));
    }

    public Uni<LeadSettingsView> get(String tenantId) {
        return requireConnection(tenantId)
                .chain(() -> repository.find(tenantId))
                .map(row -> row == null ? new LeadSettingsView(LeadSettings.defaults(), false, null, null, null, null)
                        : new LeadSettingsView(read(row.document), true, row.updatedAt, row.updatedBy, null, null));
    }

    public Uni<Replaced> put(String tenantId, LeadSettingsRequest request, String actor) {
        return requireConnection(tenantId)
                .map(ignored -> LeadSettingsValidator.validate(request))
                .chain(settings -> checkThenStore(tenantId, settings, actor));
    }

    private Uni<Replaced> checkThenStore(String tenantId, LeadSettings settings, String actor) {
        return org.check(tenantId, settings)
                .invoke(LeadOrgCheck.Result::requireValid)
                .chain(result -> store(tenantId, settings, actor, result));
    }

    private Uni<Replaced> store(String tenantId, LeadSettings settings, String actor, LeadOrgCheck.Result result) {
        return Panache.withTransaction(() -> repository.findById(tenantId)
                .chain(current -> write(tenantId, current, settings, actor, result)));
    }

    private Uni<Replaced> write(String tenantId, LeadSettingsRow current, LeadSettings settings, String actor,
            LeadOrgCheck.Result result) {
        LeadSettingsRow row = current == null ? new LeadSettingsRow() : current;
        row.tenantId = tenantId;
        row.document = write(settings);
        row.updatedAt = Instant.now();
        row.updatedBy = actor;
        return repository.persist(row)
                .invoke(() -> Log.infof("Lead enrichment of tenant %s set to %s by %s", tenantId,
                        settings.enabled() ? "on" : "off", actor))
                .map(saved -> new Replaced(new LeadSettingsView(settings, true, saved.updatedAt, saved.updatedBy,
                        result.validated(), result.warning()), current == null));
    }

    private Uni<Void> requireConnection(String tenantId) {
        return connections.find(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .replaceWithVoid();
    }

    private String write(LeadSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lead settings cannot be written as JSON", e);
        }
    }

    private LeadSettings read(String document) {
        try {
            return json.readValue(document, LeadSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored lead settings are not valid JSON", e);
        }
    }
}
