package io.memberpulse.salesforce.tenant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /connection}: the whole connection, replacing what is stored, except that
 * an omitted {@code consumerSecret} keeps the stored one (it is write-only and never read back).
 */
@Schema(name = "ConnectionRequest")
public record ConnectionRequest(
        @Schema(required = true, description = "PRODUCTION or SANDBOX; decides the default login host")
        @NotNull(message = "is required: PRODUCTION or SANDBOX")
        Environment environment,

        @Schema(description = "Consumer key of the tenant's own connected app; omit to use the platform's app")
        @Size(min = 1, max = 255)
        @Pattern(regexp = "\\S+", message = "must not contain whitespace")
        String consumerKey,

        @Schema(description = "Consumer secret of the tenant's own connected app. Write-only: required with a new "
                + "or changed consumerKey, omitted to keep the stored one", writeOnly = true)
        @Size(min = 1, max = 255)
        String consumerSecret,

        @Schema(description = "Send changes to Salesforce as they happen; default false")
        Boolean autoSync,

        @Schema(description = "The org's My Domain URL, https://<name>.my.salesforce.com (http only for a "
                + "loopback host, as the emulator uses)", example = "https://acme.my.salesforce.com")
        @Size(max = 255)
        String myDomainUrl) {

    /** Never prints the secret, whatever logs this record. */
    @Override
    public String toString() {
        return "ConnectionRequest[environment=" + environment + ", consumerKey=" + consumerKey
                + ", consumerSecret=" + (consumerSecret == null ? "absent" : "***") + ", autoSync=" + autoSync
                + ", myDomainUrl=" + myDomainUrl + "]";
    }
}
