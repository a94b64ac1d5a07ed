package io.memberpulse.salesforce.customobjects;

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

/**
 * The custom-object-mappings settings API and the pipeline's view of them: validate the document, check it
 * against the org (no transaction open), store it (one transaction).
 */
@ApplicationScoped
public class CustomObjectMappingsService {

    private final ConnectionService connections;
    private final CustomObjectOrgCheck org;
    private final CustomObjectSettingsRepository repository;
    private final ObjectMapper json;
    private final Pool pool;

    CustomObjectMappingsService(ConnectionService connections, CustomObjectOrgCheck org, CustomObjectSettingsRepository repository,
            ObjectMapper json, Pool pool) {
        this.connections = connections;
        this.org = org;
        this.repository = repository;
        this.json = json;
        this.pool = pool;
    }

    /** The outcome of a PUT: the stored settings as answered, and whether they were the tenant's first. */
    public record Replaced(CustomObjectMappingsView view, boolean created) {
    }

    /** The tenant's custom object mappings; none when it never stored any. */
    public Uni<CustomObjectSettings> settings(String tenantId) {
        // The reactive pool, not a Panache session: the planner loads every feature's settings at once.
        return pool.preparedQuery("select document::text from custom_object_settings where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? CustomObjectSettings.defaults()
                        : read(rows.iterator().next().getString(0)));
    }

    public Uni<CustomObjectMappingsView> get(String tenantId) {
        return requireConnection(tenantId)
                .chain(() -> repository.find(tenantId))
                .map(row -> row == null ? CustomObjectMappingsView.defaults()
                        : CustomObjectMappingsView.stored(read(row.document), row.updatedAt, row.updatedBy));
    }

    public Uni<Replaced> put(String tenantId, CustomObjectMappingsRequest request, String actor) {
        return requireConnection(tenantId)
                .map(ignored -> CustomObjectsValidator.validate(request))
                .chain(settings -> org.check(tenantId, settings))
                .invoke(CustomObjectCheck::requireValid)
                .chain(check -> store(tenantId, check, actor));
    }

    private Uni<Replaced> store(String tenantId, CustomObjectCheck check, String actor) {
        return replace(tenantId, check.settings(), actor)
                .map(saved -> new Replaced(saved.view().checked(check.validated(), check.warning()),
                        saved.created()));
    }

    private Uni<Replaced> replace(String tenantId, CustomObjectSettings settings, String actor) {
        return Panache.withTransaction(() -> repository.findById(tenantId)
                .chain(current -> write(tenantId, current, settings, actor)));
    }

    private Uni<Replaced> write(String tenantId, CustomObjectSettingsRow current, CustomObjectSettings settings,
            String actor) {
        boolean created = current == null;
        CustomObjectSettingsRow row = created ? new CustomObjectSettingsRow() : current;
        row.tenantId = tenantId;
        row.document = write(settings);
        row.updatedAt = Instant.now();
        row.updatedBy = actor;
        return repository.persist(row)
                .invoke(() -> Log.infof("Custom object mappings of tenant %s %s by %s", tenantId,
                        created ? "created" : "replaced", actor))
                .map(saved -> new Replaced(CustomObjectMappingsView.stored(settings, saved.updatedAt, saved.updatedBy),
                        created));
    }

    private Uni<Void> requireConnection(String tenantId) {
        return connections.find(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .replaceWithVoid();
    }

    private String write(CustomObjectSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Custom object mappings cannot be written as JSON", e);
        }
    }

    private CustomObjectSettings read(String document) {
        try {
            return json.readValue(document, CustomObjectSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored custom object mappings are not valid JSON", e);
        }
    }
}
