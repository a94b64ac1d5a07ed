package io.memberpulse.salesforce.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's connection as the portal shows it. The consumer secret is only described, never shown. */
@Schema(name = "Connection")
public record ConnectionView(
        String tenantId,
        Environment environment,
        @Schema(description = "Consumer key of the tenant's own connected app, absent when the platform's is used")
        String consumerKey,
        @Schema(description = "Whether a consumer secret is stored")
        boolean consumerSecretSet,
        @Schema(description = "Last four characters of the stored secret (empty for secrets under 16 characters)")
        String consumerSecretLast4,
        boolean autoSync,
        String myDomainUrl,
        @Schema(description = "Which connected app the service uses: TENANT (its own consumer key) or PLATFORM")
        CredentialSource credentialSource,
        @Schema(description = "The host the service logs in to: My Domain, else the environment's login host")
        String loginUrl,
        @Schema(description = "NOT_CONNECTED, CONNECTED, or RECONNECT_NEEDED when Salesforce rejected the "
                + "credentials or refresh token")
        ConnectionState state,
        @Schema(description = "Why the state is what it is")
        String stateDetail,
        @Schema(description = "The connected org's id")
        String orgId,
        @Schema(description = "The connected org's REST host")
        String instanceUrl,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        @Schema(description = "Admins only: the endpoint URL to paste into a Salesforce Outbound Message "
                + "(it carries the tenant's endpoint secret); absent for viewers")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String outboundMessageUrl) {

    /** The same view with the Outbound Message endpoint URL, for admins. */
    public ConnectionView withOutboundMessageUrl(String url) {
        return new ConnectionView(tenantId, environment, consumerKey, consumerSecretSet, consumerSecretLast4, autoSync,
                myDomainUrl, credentialSource, loginUrl, state, stateDetail, orgId, instanceUrl, createdAt, createdBy,
                updatedAt, updatedBy, url);
    }

    /** Never print the URL's secret, whoever logs a view. */
    @Override
    public String toString() {
        return "ConnectionView[tenantId=" + tenantId + ", state=" + state + ", orgId=" + orgId + "]";
    }

    /** Whose connected app authenticates the tenant. */
    public enum CredentialSource { TENANT, PLATFORM }
}
