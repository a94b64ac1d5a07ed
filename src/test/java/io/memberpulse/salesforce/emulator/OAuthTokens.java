package io.memberpulse.salesforce.emulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OAuth state shared by all orgs: access tokens (opaque, {@code <org15>!<random>}), refresh
 * tokens, authorization codes, the consent decision for the next authorize request, and the
 * token-request counters tests assert on.
 */
public final class OAuthTokens {

    /** An issued authorization code, single use. */
    record AuthCode(String orgId, String clientId, String redirectUri, String challenge, String method) {
    }

    /** Salesforce's default session timeout: 2 hours idle (reference §1.5). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(2);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> accessTokenToOrg = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();
    private final EmulatorClock clock;
    private volatile Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private final Map<String, String> accessTokenToRefresh = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokenToOrg = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tokenRequestsByOrg = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicBoolean denyNext = new AtomicBoolean();
    private final Set<String> loginHosts = new CopyOnWriteArraySet<>(Set.of("login.salesforce.com",
            "test.salesforce.com"));

    OAuthTokens(EmulatorClock clock) {
        this.clock = clock;
    }

    /** Access tokens unused for this long (by the emulator clock) become invalid; each use resets the timer. */
    public OAuthTokens idleTimeout(Duration timeout) {
        this.idleTimeout = timeout;
        return this;
    }

    /** The next authorize request is denied by the "user" (redirect with error=access_denied). */
    public OAuthTokens denyNext() {
        denyNext.set(true);
        return this;
    }

    /** Token endpoint requests made with this org's client id (successful or not). */
    public int tokenRequests(String orgId) {
        AtomicInteger n = tokenRequestsByOrg.get(orgId);
        return n == null ? 0 : n.get();
    }

    /** All token endpoint requests. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Treats requests whose Host is this name as login.salesforce.com-like (no client_credentials). */
    public OAuthTokens addLoginHost(String host) {
        loginHosts.add(host.toLowerCase());
        return this;
    }

    /** Issues an access token for an org directly, without an HTTP round trip. */
    public String issueAccessToken(EmulatedOrg org) {
        return newAccessToken(org.orgId(), null);
    }

    /** Revokes a refresh token and its access tokens, or a single access token. */
    public boolean revoke(String token) {
        if (refreshTokenToOrg.remove(token) != null) {
            accessTokenToRefresh.entrySet().removeIf(e -> {
                boolean match = e.getValue().equals(token);
                if (match) {
                    accessTokenToOrg.remove(e.getKey());
                }
                return match;
            });
            return true;
        }
        accessTokenToRefresh.remove(token);
        lastUse.remove(token);
        return accessTokenToOrg.remove(token) != null;
    }

    /** The org of a valid access token; using it resets its idle timer. */
    public Optional<String> orgForAccessToken(String token) {
        if (token == null || !accessTokenToOrg.containsKey(token)) {
            return Optional.empty();
        }
        Instant now = clock.now();
        Instant last = lastUse.getOrDefault(token, now);
        if (last.plus(idleTimeout).isBefore(now)) {
            revoke(token);
            return Optional.empty();
        }
        lastUse.put(token, now);
        return Optional.ofNullable(accessTokenToOrg.get(token));
    }

    void expireAllAccessTokens() {
        lastUse.clear();
        accessTokenToOrg.clear();
        accessTokenToRefresh.clear();
    }

    void reset() {
        expireAllAccessTokens();
        refreshTokenToOrg.clear();
        codes.clear();
        tokenRequestsByOrg.clear();
        tokenRequests.set(0);
        denyNext.set(false);
    }

    /** Zeroes the token-request counters and the consent decision; issued tokens stay valid. */
    public void resetCounters() {
        tokenRequestsByOrg.clear();
        tokenRequests.set(0);
        denyNext.set(false);
        idleTimeout = DEFAULT_IDLE_TIMEOUT;
    }

    void countRequest(String orgId) {
        tokenRequests.incrementAndGet();
        if (orgId != null) {
            tokenRequestsByOrg.computeIfAbsent(orgId, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    boolean takeDeny() {
        return denyNext.getAndSet(false);
    }

    boolean isLoginHost(String host) {
        return host != null && loginHosts.contains(host.toLowerCase().replaceFirst(":\\d+$", ""));
    }

    String newAccessToken(String orgId, String refreshToken) {
        String token = orgId.substring(0, 15) + "!" + random(72);
        accessTokenToOrg.put(token, orgId);
        lastUse.put(token, clock.now());
        if (refreshToken != null) {
            accessTokenToRefresh.put(token, refreshToken);
        }
        return token;
    }

    String newRefreshToken(String orgId) {
        String token = "5Aep861" + random(60);
        refreshTokenToOrg.put(token, orgId);
        return token;
    }

    Optional<String> orgForRefreshToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(refreshTokenToOrg.get(token));
    }

    String newCode(AuthCode code) {
        String value = "aPrx" + random(40);
        codes.put(value, code);
        return value;
    }

    Optional<AuthCode> takeCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.remove(code));
    }

    private static String random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        String s = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', '.')
                .replace('_', '.');
        return s.substring(0, length);
    }
}
