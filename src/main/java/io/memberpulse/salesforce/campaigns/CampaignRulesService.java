package io.memberpulse.salesforce.campaigns;

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
 * The campaign-rules settings API and the pipeline's view of them: validate the document, check it
 * against the org (no transaction open), store it (one transaction).
 */
@ApplicationScoped
public class CampaignRulesService {

    private final ConnectionService connections;
    private final CampaignOrgCheck org;
    private final CampaignSettingsRepository repository;
    private final ObjectMapper json;
    private final Pool pool;

    CampaignRulesService(ConnectionService connections, CampaignOrgCheck org, CampaignSettingsRepository repository,
            ObjectMapper json, Pool pool) {
        this.connections = connections;
        this.org = org;
        this.repository = repository;
        this.json = json;
        this.pool = pool;
    }

    /** The outcome of a PUT: the stored settings as answered, and whether they were the tenant's first. */
    public record Replaced(CampaignRulesView view, boolean created) {
    }

    /** The tenant's campaign settings; the (empty) defaults when it never stored any. */
    public Uni<CampaignSettings> settings(String tenantId) {
        // The reactive pool, not a Panache session: the planner loads every feature's settings at once.
        return pool.preparedQuery("select document::text from campaign_settings where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? CampaignSettings.defaults()
                        : read(rows.iterator().next().getString(0)));
    }

    public Uni<CampaignRulesView> get(String tenantId) {
        return requireConnection(tenantId)
                .chain(() -> repository.find(tenantId))
                .map(row -> row == null ? CampaignRulesView.defaults()
                        : CampaignRulesView.stored(read(row.document), row.updatedAt, row.updatedBy));
    }

    public Uni<Replaced> put(String tenantId, CampaignRulesRequest request, String actor) {
        return requireConnection(tenantId)
                .map(ignored -> CampaignRulesValidator.validate(request))
                .chain(settings -> org.check(tenantId, settings))
                .invoke(CampaignCheck::requireValid)
                .chain(check -> store(tenantId, check, actor));
    }

    private Uni<Replaced> store(String tenantId, CampaignCheck check, String actor) {
        return replace(tenantId, check.settings(), actor)
                .map(saved -> new Replaced(saved.view().checked(check.validated(), check.warning()),
                        saved.created()));
    }

    private Uni<Replaced> replace(String tenantId, CampaignSettings settings, String actor) {
        return Panache.withTransaction(() -> repository.findById(tenantId)
                .chain(current -> write(tenantId, current, settings, actor)));
    }

    private Uni<Replaced> write(String tenantId, CampaignSettingsRow current, CampaignSettings settings,
            String actor) {
        boolean created = current == null;
        CampaignSettingsRow row = created ? new CampaignSettingsRow() : current;
        row.tenantId = tenantId;
        row.document = write(settings);
        row.updatedAt = Instant.now();
        row.updatedBy = actor;
        return repository.persist(row)
                .invoke(() -> Log.infof("Campaign rules of tenant %s %s by %s", tenantId,
                        created ? "created" : "replaced", actor))
                .map(saved -> new Replaced(CampaignRulesView.stored(settings, saved.updatedAt, saved.updatedBy),
                        created));
    }

    private Uni<Void> requireConnection(String tenantId) {
        return connections.find(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .replaceWithVoid();
    }

    private String write(CampaignSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Campaign settings cannot be written as JSON", e);
        }
    }

    private CampaignSettings read(String document) {
        try {
            return json.readValue(document, CampaignSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored campaign settings are not valid JSON", e);
        }
    }
}
