package io.memberpulse.salesforce.inbound;

import java.util.Map;
import org.cometd.bayeux.Message;

/** Salesforce's CometD error replies (reference §4.6), recognised by their {@code error} and {@code failureReason}. */
final class SalesforceStreamingErrors {

    private SalesforceStreamingErrors() {
    }

    /** {@code 401::Authentication invalid} on connect, or a handshake denied for a 401 reason: a new token is needed. */
    static boolean isAuthentication(Message reply) {
        return error(reply).startsWith("401::") || failureReason(reply).startsWith("401::");
    }

    /** {@code 403::Unknown client}: the server forgot the client; CometD handshakes again. */
    static boolean isUnknownClient(Message reply) {
        return error(reply).startsWith("403::Unknown client");
    }

    /** {@code 400::The replayId {X} you provided was invalid...}. */
    static boolean isInvalidReplay(Message reply) {
        String error = error(reply);
        return error.startsWith("400::") && error.contains("replayId") && error.contains("invalid");
    }

    /** The server told the client not to retry by itself ({@code advice.reconnect = none}). */
    static boolean givesUp(Message reply) {
        Map<String, Object> advice = reply.getAdvice();
        return advice != null && Message.RECONNECT_NONE_VALUE.equals(advice.get(Message.RECONNECT_FIELD));
    }

    private static String error(Message reply) {
        Object error = reply.get(Message.ERROR_FIELD);
        return error == null ? "" : error.toString();
    }

    private static String failureReason(Message reply) {
        Map<String, Object> ext = reply.getExt();
        Object sfdc = ext == null ? null : ext.get("sfdc");
        Object reason = sfdc instanceof Map ? ((Map<?, ?>) sfdc).get("failureReason") : null;
        return reason == null ? "" : reason.toString();
    }
}
