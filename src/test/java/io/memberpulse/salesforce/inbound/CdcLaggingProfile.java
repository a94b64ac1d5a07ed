package io.memberpulse.salesforce.inbound;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link CdcTestProfile} with 50-event transactions: the drain stays behind the stream, as on a loaded
 * pod, so restarts land while batches are in flight and events wait in the queue (how CdcFaultTest
 * found a lost range and a subscriber left running).
 */
public class CdcLaggingProfile extends CdcTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("memberpulse.inbound.cdc.batch-size", "50");
        return overrides;
    }
}
