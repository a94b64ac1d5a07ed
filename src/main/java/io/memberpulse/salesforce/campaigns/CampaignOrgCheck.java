package io.memberpulse.salesforce.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.memberpulse.salesforce.salesforce.SalesforceException;
import io.memberpulse.salesforce.salesforce.SoqlLiterals;
import io.memberpulse.salesforce.tenant.TenantCredentials;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks campaign settings against the org with two queries: the Campaigns named, and their
 * CampaignMemberStatus labels. Runs outside any transaction. An org that cannot be asked (not
 * connected, credentials refused, outage) does not block the admin: the settings are stored unchecked.
 */
@ApplicationScoped
class CampaignOrgCheck {

    private final TenantCredentials credentials;
    private final SalesforceClient salesforce;

    CampaignOrgCheck(TenantCredentials credentials, SalesforceClient salesforce) {
        this.credentials = credentials;
        this.salesforce = salesforce;
    }

    Uni<CampaignCheck> check(String tenantId, CampaignSettings settings) {
        Set<String> ids = campaignIds(settings);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(CampaignCheck.checked(settings, List.of()));
        }
        return credentials.of(tenantId)
                .chain(org -> lookUp(org, ids))
                .map(campaigns -> CampaignCheck.checked(settings, campaigns.problemsWith(settings)))
                .onFailure(CampaignOrgCheck::isNotConnected)
                .recoverWithItem(failure -> unchecked(tenantId, settings, failure.getMessage()))
                .onFailure(SalesforceException.class)
                .recoverWithItem(failure -> unchecked(tenantId, settings, reason((SalesforceException) failure)));
    }

    private Uni<OrgCampaigns> lookUp(OrgCredentials org, Set<String> ids) {
        String campaigns = "SELECT Id, Name FROM Campaign WHERE Id IN " + SoqlLiterals.inList(ids);
        String statuses = "SELECT CampaignId, Label FROM CampaignMemberStatus WHERE CampaignId IN "
                + SoqlLiterals.inList(ids);
        return salesforce.query(org, campaigns).collect().asList()
                .chain(found -> withStatuses(org, statuses, found));
    }

    private Uni<OrgCampaigns> withStatuses(OrgCredentials org, String soql, List<JsonNode> campaigns) {
        return salesforce.query(org, soql).collect().asList()
                .map(labels -> OrgCampaigns.of(campaigns, labels));
    }

    private static Set<String> campaignIds(CampaignSettings settings) {
        Set<String> ids = new TreeSet<>();
        settings.rules().forEach(rule -> ids.add(rule.campaignId()));
        settings.tagCampaigns().forEach(tag -> ids.add(tag.campaignId()));
        return ids;
    }

    private static boolean isNotConnected(Throwable failure) {
        return failure instanceof ProblemException
                && ((ProblemException) failure).type() == ProblemType.NOT_CONNECTED;
    }

    private static CampaignCheck unchecked(String tenantId, CampaignSettings settings, String reason) {
        Log.infof("Campaign rules of tenant %s not checked against Salesforce: %s", tenantId, reason);
        return CampaignCheck.unchecked(settings, reason);
    }

    private static String reason(SalesforceException failure) {
        if (failure instanceof SalesforceException.CredentialsRejected) {
            return "Salesforce refused the tenant's credentials (" + failure.errorCode() + "); reconnect";
        }
        if (failure instanceof SalesforceException.Retryable || failure instanceof SalesforceException.CircuitOpen) {
            return "Salesforce could not be reached (" + failure.errorCode() + ")";
        }
        return "Salesforce refused to list the campaigns (" + failure.errorCode() + "). " + failure.adminHint();
    }
}
