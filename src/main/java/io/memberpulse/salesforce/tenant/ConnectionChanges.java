package io.memberpulse.salesforce.tenant;

import io.memberpulse.salesforce.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code PUT /connection} changes, decided before anything is written: the checked new
 * values, the names of changed fields for the audit trail, and what happens to the stored secret.
 */
record ConnectionChanges(Environment environment, String consumerKey, boolean autoSync, String myDomainUrl,
        String newSecret, boolean forgetSecret, List<String> changedFields) {

    static ConnectionChanges between(SalesforceConnection current, ConnectionRequest request) {
        String myDomainUrl = MyDomainUrls.normalize(request.myDomainUrl());
        boolean autoSync = Boolean.TRUE.equals(request.autoSync());
        requireSecretWhereNeeded(current, request);

        List<String> changed = new ArrayList<>();
        if (current == null || current.environment != request.environment()) {
            changed.add("environment");
        }
        if (current == null ? request.consumerKey() != null : !Objects.equals(current.consumerKey, request.consumerKey())) {
            changed.add("consumerKey");
        }
        boolean forgetSecret = current != null && current.consumerKey != null && request.consumerKey() == null;
        if (request.consumerSecret() != null || forgetSecret) {
            changed.add("consumerSecret");
        }
        if (current == null ? autoSync : current.autoSync != autoSync) {
            changed.add("autoSync");
        }
        if (current == null ? myDomainUrl != null : !Objects.equals(current.myDomainUrl, myDomainUrl)) {
            changed.add("myDomainUrl");
        }
        return new ConnectionChanges(request.environment(), request.consumerKey(), autoSync, myDomainUrl,
                request.consumerSecret(), forgetSecret, List.copyOf(changed));
    }

    /** A secret belongs to a consumer key: it comes with a new or changed key, and never alone. */
    private static void requireSecretWhereNeeded(SalesforceConnection current, ConnectionRequest request) {
        if (request.consumerSecret() != null && request.consumerKey() == null) {
            throw ProblemException.invalidField("consumerSecret",
                    "is only accepted together with consumerKey (the platform's app has its own secret)");
        }
        boolean keyIsNew = current == null || !Objects.equals(current.consumerKey, request.consumerKey());
        if (request.consumerKey() != null && keyIsNew && request.consumerSecret() == null) {
            throw ProblemException.invalidField("consumerSecret", "is required with a new or changed consumerKey");
        }
    }

    /** Whether the change points the service at another org or app, invalidating sessions and refresh tokens. */
    boolean changesOrg() {
        return changedFields.contains("environment") || changedFields.contains("consumerKey")
                || changedFields.contains("consumerSecret") || changedFields.contains("myDomainUrl");
    }

    void applyTo(SalesforceConnection connection) {
        connection.environment = environment;
        connection.consumerKey = consumerKey;
        connection.autoSync = autoSync;
        connection.myDomainUrl = myDomainUrl;
    }
}
