package io.memberpulse.salesforce.config;

/**
 * The outcome of a settings PUT: the settings as answered, and whether they were the tenant's first
 * (the resource answers 201 with a Location then, 200 otherwise).
 */
public record Replaced<V>(V view, boolean created) {
}
