package io.memberpulse.salesforce.secrets;

/** The kinds of secret a tenant may hold. Each is stored at most once per tenant. */
public enum SecretName {
    /** The consumer secret of the tenant's own connected app. */
    CONSUMER_SECRET,
    /** The OAuth refresh token obtained by "Connect with Salesforce". */
    REFRESH_TOKEN,
    /** The secret in the Outbound Message endpoint URL given to Salesforce. */
    OUTBOUND_MESSAGE_SECRET
}
