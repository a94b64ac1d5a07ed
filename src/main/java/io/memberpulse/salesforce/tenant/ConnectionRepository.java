package io.memberpulse.salesforce.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ConnectionRepository implements PanacheRepositoryBase<SalesforceConnection, String> {
}
