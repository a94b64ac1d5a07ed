package io.memberpulse.salesforce.customobjects;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /custom-object-mappings}: every mapping, replacing what is stored. */
@Schema(name = "CustomObjectMappingsRequest")
public record CustomObjectMappingsRequest(
        @Schema(required = true, description = "At most one mapping per record type; [] turns custom objects off")
        List<CustomObjectMapping> mappings) {
}
