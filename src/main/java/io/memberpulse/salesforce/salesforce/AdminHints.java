package io.memberpulse.salesforce.salesforce;

import java.util.List;
import java.util.Map;

/** A sentence per Salesforce error code that tells a tenant's admin what to do. */
public final class AdminHints {

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("INVALID_FIELD", "A field the sync writes does not exist in your org or is not visible to the "
                    + "integration user: create %s or change the field mapping."),
            Map.entry("REQUIRED_FIELD_MISSING", "Salesforce requires %s: map a MemberPulse field to it or give it a "
                    + "default in Salesforce."),
            Map.entry("STRING_TOO_LONG", "A value is longer than %s allows in Salesforce: lengthen the field or "
                    + "shorten the value in MemberPulse."),
            Map.entry("INVALID_EMAIL_ADDRESS", "The member's email address is not valid for Salesforce: correct it in "
                    + "MemberPulse."),
            Map.entry("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "A value is not allowed by the restricted picklist "
                    + "%s: add the value in Salesforce Setup or unrestrict the picklist."),
            Map.entry("DUPLICATES_DETECTED", "A Salesforce duplicate rule blocked the record: merge the duplicates or "
                    + "let the rule allow saving."),
            Map.entry("DUPLICATE_VALUE", "Another record already has this unique value in %s: merge the records or "
                    + "clear the value."),
            Map.entry("FIELD_CUSTOM_VALIDATION_EXCEPTION", "A validation rule in your org rejected the record: adjust "
                    + "the rule or the member's data."),
            Map.entry("CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY", "A trigger or flow in your org failed on this record: "
                    + "check the automation named in the message."),
            Map.entry("MALFORMED_ID", "A stored Salesforce id is invalid: retry after the member is re-linked."),
            Map.entry("ENTITY_IS_DELETED", "The Salesforce record was deleted: the member will be re-created on the "
                    + "next change."),
            Map.entry("NOT_FOUND", "The Salesforce record or object does not exist."),
            Map.entry("INSUFFICIENT_ACCESS_OR_READONLY", "The integration user may not edit this record: grant it "
                    + "edit access."),
            Map.entry("INVALID_TYPE", "An object the sync writes does not exist in your org: create it or change the "
                    + "settings."),
            Map.entry("API_DISABLED_FOR_ORG", "The REST API is not enabled for your org or the integration user: "
                    + "enable \"API Enabled\" on its profile."),
            Map.entry("REQUEST_LIMIT_EXCEEDED", "Your org has used its daily API allocation: syncing resumes when the "
                    + "24-hour window allows, or raise the allocation."),
            Map.entry("INVALID_SESSION_ID", "The Salesforce session ended; the service reconnects by itself."),
            Map.entry("UNABLE_TO_LOCK_ROW", "Salesforce was busy with the same record; the service retries by "
                    + "itself."),
            Map.entry("SERVER_UNAVAILABLE", "Salesforce is unavailable; the service retries by itself."),
            Map.entry("invalid_client_id", "Salesforce does not know the consumer key: check it in the connection "
                    + "settings."),
            Map.entry("invalid_client", "Salesforce rejected the consumer key or secret: re-enter them in the "
                    + "connection settings."),
            Map.entry("invalid_grant", "Salesforce refused to grant a session: reconnect with Salesforce (the "
                    + "refresh token was revoked or the app's Run As user is not set)."),
            Map.entry("CIRCUIT_OPEN", "Salesforce calls failed repeatedly and are paused for a moment; they resume "
                    + "by themselves."));

    private AdminHints() {
    }

    public static String forError(String code, List<String> fields) {
        String hint = HINTS.get(code);
        if (hint == null) {
            return "Salesforce refused the change (" + code + "): see its message.";
        }
        String named = fields == null || fields.isEmpty() ? "the field" : String.join(", ", fields);
        return hint.contains("%s") ? String.format(hint, named) : hint;
    }
}
