package io.memberpulse.salesforce.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a backfill: members as {@code member.upserted} profiles plus {@code memberId}.
 * {@code more: true} keeps the job open for further pages; the job starts with the last page.
 */
@Schema(name = "BackfillRequest")
public record BackfillRequest(
        @Schema(description = "Members: {memberId, email, firstName, lastName, phone, company, membershipStatus}")
        List<JsonNode> members,
        @Schema(description = "More pages follow (POST /backfill/{jobId}/members); default false")
        Boolean more) {
}
