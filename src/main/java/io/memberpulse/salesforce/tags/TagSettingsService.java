package io.memberpulse.salesforce.tags;

import io.memberpulse.salesforce.config.Replaced;
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
        return connections.requireConnection(tenantId)
                .chain(() -> repository.find(tenantId))
                .map(found -> TagSettingsView.of(found.orElse(TagSettings.DEFAULTS), found.isPresent()));
    }

    public Uni<Replaced<TagSettingsView>> put(String tenantId, TagSettingsRequest request, String actor) {
        return connections.requireConnection(tenantId)
                .map(ignored -> validate(request))
                .chain(s -> checkThenStore(tenantId, s, actor));
    }

    private Uni<Replaced<TagSettingsView>> checkThenStore(String tenantId, TagSettings s, String actor) {
        return org.check(tenantId, s)
                .chain(check -> store(tenantId, s, actor, check));
    }

    private Uni<Replaced<TagSettingsView>> store(String tenantId, TagSettings s, String actor,
            TagOrgCheck.Result check) {
        return repository.save(tenantId, s, actor)
                .map(created -> new Replaced<>(TagSettingsView.of(s, true).checked(check.validated(),
                        check.warning()), created));
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
}
