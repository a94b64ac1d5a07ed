package io.memberpulse.salesforce.tenant;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import java.util.List;

/** Says which part of a tenant's connection Salesforce did not accept, in words an admin can act on. */
final class ConnectionProblems {

    private ConnectionProblems() {
    }

    static ProblemException of(SalesforceException failure) {
        if (failure instanceof SalesforceException.CredentialsRejected) {
            Problem.FieldError error = rejectedPart(failure);
            return new ProblemException(ProblemType.SALESFORCE_REJECTED, error.message(), List.of(error));
        }
        if (failure instanceof SalesforceException.Permanent || failure instanceof SalesforceException.LimitExceeded) {
            return new ProblemException(ProblemType.SALESFORCE_REJECTED, failure.errorCode() + ": "
                    + failure.getMessage() + ". " + failure.adminHint());
        }
        return new ProblemException(ProblemType.SALESFORCE_UNAVAILABLE, "Salesforce could not be reached ("
                + failure.errorCode() + "); try again in a moment");
    }

    /** Reconnect-needed detail for the connection's state, from the same words. */
    static String stateDetail(SalesforceException failure) {
        return rejectedPart(failure).message();
    }

    private static Problem.FieldError rejectedPart(SalesforceException failure) {
        String code = failure.errorCode();
        String description = failure.getMessage() == null ? "" : failure.getMessage();
        if ("invalid_client_id".equals(code)) {
            return new Problem.FieldError("consumerKey", "Salesforce does not know this consumer key ("
                    + description + ")");
        }
        if ("invalid_client".equals(code)) {
            return new Problem.FieldError("consumerSecret", "Salesforce rejected the consumer key and secret ("
                    + description + "); re-enter the secret");
        }
        if (description.contains("not supported on this domain")) {
            return new Problem.FieldError("myDomainUrl", "Client credentials must be sent to your org's My Domain "
                    + "(https://<name>.my.salesforce.com), not to a login host");
        }
        if (description.contains("no client credentials user")) {
            return new Problem.FieldError("consumerKey", "The connected app has no Run As user for the client "
                    + "credentials flow: set one in its OAuth policies");
        }
        if (description.contains("expired access/refresh token")) {
            return new Problem.FieldError("authorization", "The Salesforce authorization was revoked or expired: "
                    + "connect with Salesforce again");
        }
        return new Problem.FieldError("authorization", "Salesforce refused the credentials (" + code + ": "
                + description + "): reconnect");
    }
}
