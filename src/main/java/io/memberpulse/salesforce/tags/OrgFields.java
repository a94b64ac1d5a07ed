package io.memberpulse.salesforce.tags;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Describes an object of the tenant's org for settings checks (outside any transaction). An org that
 * cannot be asked does not block the admin: the answer then says why, and settings are stored unchecked.
 */
@ApplicationScoped
public class OrgFields {

    /**
     * What describe said: {@code reachable} false with the {@code reason} when the org could not be
     * asked; {@code exists} false when the object is not in the org; else its fields by lower-case name.
     */
    public record Described(boolean reachable, String reason, boolean exists, Map<String, JsonNode> fields) {

        /** The field's describe entry, or null: Salesforce compares API names ignoring case. */
        public JsonNode field(String name) {
            return fields.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final TenantCredentials credentials;
    private final SalesforceClient salesforce;

    OrgFields(TenantCredentials credentials, SalesforceClient salesforce) {
        this.credentials = credentials;
        this.salesforce = salesforce;
    }

    public Uni<Described> describe(String tenantId, String objectName) {
        return credentials.of(tenantId)
                .chain(org -> salesforce.describe(org, objectName))
                .map(OrgFields::described)
                .onFailure(OrgFields::isNotConnected)
                .recoverWithItem(failure -> unreachable(failure.getMessage()))
                .onFailure(OrgFields::isMissingObject)
                .recoverWithItem(() -> new Described(true, null, false, Map.of()))
                .onFailure(SalesforceException.class)
                .recoverWithItem(failure -> unreachable("Salesforce could not describe " + objectName + " ("
                        + ((SalesforceException) failure).errorCode() + ")"));
    }

    private static Described described(JsonNode describe) {
        Map<String, JsonNode> fields = new HashMap<>();
        describe.path("fields").forEach(f -> fields.put(f.path("name").asText().toLowerCase(Locale.ROOT), f));
        return new Described(true, null, true, fields);
    }

    private static Described unreachable(String reason) {
        return new Described(false, reason, false, Map.of());
    }

    private static boolean isNotConnected(Throwable failure) {
        return failure instanceof ProblemException && ((ProblemException) failure).type() == ProblemType.NOT_CONNECTED;
    }

    private static boolean isMissingObject(Throwable failure) {
        return failure instanceof SalesforceException.Permanent
                && ("NOT_FOUND".equals(((SalesforceException) failure).errorCode())
                        || "INVALID_TYPE".equals(((SalesforceException) failure).errorCode()));
    }
}
