package io.memberpulse.salesforce.activities;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.config.Replaced;
import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.tags.OrgFields;
import io.memberpulse.salesforce.tags.SettingsFields;
import io.memberpulse.salesforce.tenant.ConnectionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Activity settings: the pipeline's view ({@link #settings}, defaults when none stored) and the
 * settings API (validate, check the Task external id field against describe(Task), store).
 */
@ApplicationScoped
public class ActivitySettingsService {

    static final int PREFIX_LENGTH = 40;

    private final ActivitySettingsRepository repository;
    private final OrgFields org;
    private final ConnectionService connections;

    ActivitySettingsService(ActivitySettingsRepository repository, OrgFields org, ConnectionService connections) {
        this.repository = repository;
        this.org = org;
        this.connections = connections;
    }

    public Uni<ActivitySettings> settings(String tenantId) {
        return repository.find(tenantId)
                .map(found -> found.orElse(ActivitySettings.DEFAULTS));
    }

    public Uni<ActivitySettingsView> get(String tenantId) {
        return connections.requireConnection(tenantId)
                .chain(() -> repository.find(tenantId))
                .map(found -> ActivitySettingsView.of(found.orElse(ActivitySettings.DEFAULTS), found.isPresent()));
    }

    public Uni<Replaced<ActivitySettingsView>> put(String tenantId, ActivitySettingsRequest request, String actor) {
        return connections.requireConnection(tenantId)
                .map(ignored -> validate(request))
                .chain(s -> checkThenStore(tenantId, s, actor));
    }

    private Uni<Replaced<ActivitySettingsView>> checkThenStore(String tenantId, ActivitySettings s, String actor) {
        return org.describe(tenantId, "Task")
                .map(described -> check(s, described))
                .chain(warning -> store(tenantId, s, actor, warning));
    }

    private Uni<Replaced<ActivitySettingsView>> store(String tenantId, ActivitySettings s, String actor,
            String warning) {
        return repository.save(tenantId, s, actor)
                .map(created -> new Replaced<>(ActivitySettingsView.of(s, true).checked(warning == null, warning),
                        created));
    }

    static ActivitySettings validate(ActivitySettingsRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("body", "a JSON body is required");
        }
        ActivitySettings d = ActivitySettings.DEFAULTS;
        SettingsFields f = new SettingsFields();
        String prefix = request.subjectPrefix() == null ? d.subjectPrefix() : request.subjectPrefix();
        if (prefix.length() > PREFIX_LENGTH || prefix.chars().anyMatch(Character::isISOControl)) {
            f.error("subjectPrefix", "must be at most " + PREFIX_LENGTH + " characters without control characters");
        }
        ActivitySettings s = new ActivitySettings(prefix,
                request.ticketTasks() == null ? d.ticketTasks() : request.ticketTasks(),
                request.eventTasks() == null ? d.eventTasks() : request.eventTasks(),
                f.apiName("externalIdField", request.externalIdField(), d.externalIdField()));
        f.requireValid();
        return s;
    }

    /** Null when checked and fine; the warning when unchecked; a 422 when the org lacks the field. */
    private static String check(ActivitySettings s, OrgFields.Described task) {
        if (!task.reachable()) {
            return "Saved without checking the fields against Salesforce: " + task.reason();
        }
        JsonNode field = task.field(s.externalIdField());
        String problem = field == null ? "Task." + s.externalIdField() + " does not exist or the integration user "
                + "cannot see it: create it as a text field (64) marked External ID and Unique, or name another."
                : !field.path("externalId").asBoolean(false) ? "Task." + s.externalIdField()
                        + " is not an External ID field: mark it External ID and Unique, or name another." : null;
        if (problem != null) {
            throw new ProblemException(ProblemType.SALESFORCE_REJECTED, "externalIdField: " + problem,
                    List.of(new Problem.FieldError("externalIdField", problem)));
        }
        return null;
    }
}
