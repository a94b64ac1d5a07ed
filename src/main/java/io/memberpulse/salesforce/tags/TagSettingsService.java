package io.memberpulse.salesforce.tags;

import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tag settings: the pipeline's view ({@link #settings}, defaults when none stored) and the settings API
 * (validate the body, check it against the org outside any transaction, then store it).
 */
@ApplicationScoped
public class TagSettingsService {

    /** The outcome of a PUT: the settings as answered, and whether they were the tenant's first. */
    public record Replaced(TagSettingsView settings, boolean created) {
    }

    private final TagSettingsRepository repository;
    private final TagOrgCheck org;
    private final ConnectionService connections;

    TagSettingsService(TagSettingsRepository repository, TagOrgCheck org, ConnectionService connections) {
        this.repository = repository;
        this.org = org;
        this.connections = connections;
    }

    /** The tenant's settings, or {@link TagSettings#DEFAULTS}. */
    public Uni<TagSettings> settings(String tenantId) {
        return repository.find(tenantId)
                .map(found -> found.orElse(TagSettings.DEFAULTS));
    }

    public Uni<TagSettingsView> get(String tenantId) {
        return requireConnection(tenantId)
                .chain(() -> repository.find(tenantId))
                .map(found -> TagSettingsView.of(found.orElse(TagSettings.DEFAULTS), found.isPresent()));
    }

    public Uni<Replaced> put(String tenantId, TagSettingsRequest request, String actor) {
        return requireConnection(tenantId)
                .map(ignored -> validate(request))
                .chain(s -> org.check(tenantId, s)
                        .chain(check -> repository.save(tenantId, s, actor)
                                .map(created -> new Replaced(TagSettingsView.of(s, true)
                                        .checked(check.validated(), check.warning()), created))));
    }

    static TagSettings validate(TagSettingsRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("body", "a JSON body is required");
        }
        TagSettings d = TagSettings.DEFAULTS;
        SettingsFields f = new SettingsFields();
        TagSettings s = new TagSettings(f.choice("target", request.target(), TagTarget.class, d.target()),
                f.apiName("picklistField", request.picklistField(), d.picklistField()),
                f.choice("picklistBaseline", request.picklistBaseline(), PicklistBaseline.class, d.picklistBaseline()),
                f.apiName("objectName", request.objectName(), d.objectName()),
                f.apiName("contactField", request.contactField(), d.contactField()),
                f.apiName("tagField", request.tagField(), d.tagField()),
                f.apiName("externalIdField", request.externalIdField(), d.externalIdField()));
        f.requireValid();
        return s;
    }

    private Uni<Void> requireConnection(String tenantId) {
        return connections.find(tenantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " has no Salesforce connection"))
                .replaceWithVoid();
    }
}
