package io.memberpulse.salesforce.emulator;

import java.util.List;
import java.util.Map;

/**
 * One committed change, the input of a CDC event.
 *
 * @param changeType CREATE, UPDATE, DELETE or UNDELETE
 * @param before the record before the change (null on create)
 * @param after the record after the change
 * @param touched fields the write set, in request order (for UPDATE's changedFields)
 * @param extra additional payload fields (MasterRecordId on a merge delete)
 */
public record RecordChange(String changeType, StoredRecord before, StoredRecord after,
        List<String> touched, Map<String, Object> extra) {
}
