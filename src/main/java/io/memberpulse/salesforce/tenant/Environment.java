package io.memberpulse.salesforce.tenant;

/** The kind of Salesforce org a tenant connects to; it decides the default login host. */
public enum Environment {
    PRODUCTION,
    SANDBOX
}
