package io.memberpulse.salesforce.mapping;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A tenant's sync settings. */
@ApplicationScoped
public class MappingService {

    /** The tenant's Contact mapping; the defaults when it never changed them. */
    public Uni<ContactMapping> contactMapping(String tenantId) {
        return Uni.createFrom().item(ContactMapping.defaults());
    }
}
