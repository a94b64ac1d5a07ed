package io.memberpulse.salesforce.customobjects;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Checks custom object mappings with one describe per mapped object (at most three), outside any
 * transaction. An object the org does not have is a problem naming {@code mappings[i].objectName};
 * an org that cannot be asked does not block the admin (stored unchecked, with the reason).
 */
@ApplicationScoped
class CustomObjectOrgCheck {

    private final TenantCredentials credentials;
    private final SalesforceClient salesforce;

    CustomObjectOrgCheck(TenantCredentials credentials, SalesforceClient salesforce) {
        this.credentials = credentials;
        this.salesforce = salesforce;
    }

    Uni<CustomObjectCheck> check(String tenantId, CustomObjectSettings settings) {
        if (settings.mappings().isEmpty()) {
            return Uni.createFrom().item(CustomObjectCheck.checked(settings, List.of()));
        }
        return credentials.of(tenantId)
                .chain(org -> describeAll(org, settings))
                .map(problems -> CustomObjectCheck.checked(settings, problems))
                .onFailure(CustomObjectOrgCheck::isNotConnected)
                .recoverWithItem(failure -> unchecked(tenantId, settings, failure.getMessage()))
                .onFailure(SalesforceException.class)
                .recoverWithItem(failure -> unchecked(tenantId, settings, reason((SalesforceException) failure)));
    }

    private Uni<List<Problem.FieldError>> describeAll(OrgCredentials org, CustomObjectSettings settings) {
        return Multi.createFrom().items(IntStream.range(0, settings.mappings().size()).boxed())
                .onItem().transformToUniAndConcatenate(i -> problemsOf(org, i, settings.mappings().get(i)))
                .collect().in(ArrayList<Problem.FieldError>::new, List::addAll)
                .map(List::copyOf);
    }

    private Uni<List<Problem.FieldError>> problemsOf(OrgCredentials org, int index, CustomObjectMapping mapping) {
        String path = "mappings[" + index + "]";
        return salesforce.describe(org, mapping.objectName())
                .map(describe -> fieldProblems(path, mapping, ObjectSchema.of(mapping.objectName(), describe)))
                .onFailure(CustomObjectOrgCheck::isMissingObject)
                .recoverWithItem(() -> List.of(new Problem.FieldError(path + ".objectName", "The org has no object "
                        + mapping.objectName() + " visible to the integration user: create the custom object, grant "
                        + "the integration user access to it, or name another.")));
    }

    private static List<Problem.FieldError> fieldProblems(String path, CustomObjectMapping mapping,
            ObjectSchema schema) {
        List<Problem.FieldError> problems = new ArrayList<>();
        schema.check(path, mapping, problems);
        return problems;
    }

    private static boolean isMissingObject(Throwable failure) {
        return failure instanceof SalesforceException.Permanent
                && (((SalesforceException) failure).httpStatus() == 404
                        || "NOT_FOUND".equals(((SalesforceException) failure).errorCode())
                        || "INVALID_TYPE".equals(((SalesforceException) failure).errorCode()));
    }

    private static boolean isNotConnected(Throwable failure) {
        return failure instanceof ProblemException
                && ((ProblemException) failure).type() == ProblemType.NOT_CONNECTED;
    }

    private static CustomObjectCheck unchecked(String tenantId, CustomObjectSettings settings, String reason) {
        Log.infof("Custom object mappings of tenant %s not checked against Salesforce: %s", tenantId, reason);
        return CustomObjectCheck.unchecked(settings, reason);
    }

    private static String reason(SalesforceException failure) {
        if (failure instanceof SalesforceException.CredentialsRejected) {
            return "Salesforce refused the tenant's credentials (" + failure.errorCode() + "); reconnect";
        }
        if (failure instanceof SalesforceException.Retryable || failure instanceof SalesforceException.CircuitOpen) {
            return "Salesforce could not be reached (" + failure.errorCode() + ")";
        }
        return "Salesforce refused to describe the objects (" + failure.errorCode() + "). " + failure.adminHint();
    }
}
