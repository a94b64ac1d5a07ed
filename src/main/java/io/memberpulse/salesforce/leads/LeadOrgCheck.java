package io.memberpulse.salesforce.leads;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks enabled lead enrichment with one describe(Lead): each named field exists and the
 * integration user can update it. An org that cannot be asked does not block the admin.
 */
@ApplicationScoped
class LeadOrgCheck {

    /** The outcome: checked with problems, or unchecked with a warning. */
    record Result(boolean validated, String warning, List<Problem.FieldError> problems) {

        void requireValid() {
            if (!problems.isEmpty()) {
                throw new ProblemException(ProblemType.SALESFORCE_REJECTED, problems.size() == 1
                        ? problems.get(0).field() + ": " + problems.get(0).message()
                        : problems.size() + " Lead fields do not fit the org; see errors", problems);
            }
        }
    }

    private final TenantCredentials credentials;
    private final SalesforceClient salesforce;

    LeadOrgCheck(TenantCredentials credentials, SalesforceClient salesforce) {
        this.credentials = credentials;
        this.salesforce = salesforce;
    }

    Uni<Result> check(String tenantId, LeadSettings settings) {
        if (!settings.enabled()) {
            return Uni.createFrom().item(new Result(false, null, List.of()));
        }
        return credentials.of(tenantId)
                .chain(org -> salesforce.describe(org, "Lead"))
                .map(describe -> new Result(true, null, problems(settings, describe)))
                .onFailure(LeadOrgCheck::isNotConnected)
                .recoverWithItem(failure -> unchecked(tenantId, failure.getMessage()))
                .onFailure(SalesforceException.class)
                .recoverWithItem(failure -> unchecked(tenantId, "Salesforce could not describe Lead ("
                        + ((SalesforceException) failure).errorCode() + ")"));
    }

    private static List<Problem.FieldError> problems(LeadSettings settings, JsonNode describe) {
        Map<String, JsonNode> fields = new HashMap<>();
        describe.path("fields").forEach(f -> fields.put(f.path("name").asText().toLowerCase(Locale.ROOT), f));
        List<Problem.FieldError> problems = new ArrayList<>();
        check("statusField", settings.statusField(), fields, problems);
        check("memberSinceField", settings.memberSinceField(), fields, problems);
        check("scoreField", settings.scoreField(), fields, problems);
        check("tagsField", settings.tagsField(), fields, problems);
        check("memberIdField", settings.memberIdField(), fields, problems);
        return problems;
    }

    private static void check(String path, String name, Map<String, JsonNode> fields,
            List<Problem.FieldError> problems) {
        if (name == null) {
            return;
        }
        JsonNode field = fields.get(name.toLowerCase(Locale.ROOT));
        if (field == null) {
            problems.add(new Problem.FieldError(path, "Lead has no field " + name + " visible to the integration "
                    + "user: create it, grant access to it, or name another (\"\" writes none)."));
        } else if (!field.path("updateable").asBoolean(false)) {
            problems.add(new Problem.FieldError(path, "Lead." + name + " cannot be updated by the integration user: "
                    + "grant it edit access, or name another field."));
        }
    }

    private static boolean isNotConnected(Throwable failure) {
        return failure instanceof ProblemException
                && ((ProblemException) failure).type() == ProblemType.NOT_CONNECTED;
    }

    private static Result unchecked(String tenantId, String reason) {
        Log.infof("Lead enrichment of tenant %s not checked against Salesforce: %s", tenantId, reason);
        return new Result(false, "Saved without checking the Lead fields against Salesforce: " + reason
                + ". They are checked again on the next save while the org is reachable.", List.of());
    }
}
