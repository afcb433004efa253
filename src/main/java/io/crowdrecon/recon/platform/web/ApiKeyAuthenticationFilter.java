package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.ApiKeys;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.PortalId;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Every {@code /api/v1} request carries {@code Authorization: Bearer <key>} (SPEC.md section 1):
 * missing or unknown key 401; an operator's key (the bootstrap {@code RECON_OPS_API_KEY} or a named operator's) only
 * on {@code /api/v1/ops/**} and a portal key only elsewhere, else 403. A disabled operator's key and sessions are 401
 * from the next request on: operator keys are never cached, each request asks the database. What an operator's role
 * allows is checked after this ({@code operator.web.OpsAuthorizationFilter}). The card webhook authenticates by its
 * HMAC signature instead.
 */
public class ApiKeyAuthenticationFilter implements WebFilter, Ordered {

    public static final String API_PREFIX = "/api/v1/";
    private static final String OPS_PREFIX = "/api/v1/ops/";
    private static final List<String> SIGNED_NOT_BEARER = List.of("/api/v1/webhooks/card");
    private static final int CACHE_LIMIT = 10_000;

    public static final String DASHBOARD_HEADER = "X-Recon-Dashboard";

    private final byte[] opsKeyHash;
    private final CallerResolver portals;
    private final OperatorResolver operators;
    private final OpsSessions sessions;
    private final ObjectMapper json;
    private final Map<KeyHash, String> portalByKeyHash = new ConcurrentHashMap<>();

    public ApiKeyAuthenticationFilter(
            byte[] opsKeyHash,
            CallerResolver portals,
            OperatorResolver operators,
            OpsSessions sessions,
            ObjectMapper json) {
        this.opsKeyHash = opsKeyHash.clone();
        this.portals = portals;
        this.operators = operators;
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return -100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!(path.startsWith(API_PREFIX) || path.equals("/api/v1")) || SIGNED_NOT_BEARER.contains(path)) {
            return chain.filter(exchange);
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean opsPathRequested = path.startsWith(OPS_PREFIX) || path.equals("/api/v1/ops");
        var session = exchange.getRequest().getCookies().getFirst(OpsSessions.COOKIE);
        if (authorization == null && session != null && opsPathRequested) {
            return dashboardSession(exchange, chain, session.getValue());
        }
        String key = bearerKey(authorization);
        if (key == null) {
            return deny(exchange, ErrorCode.UNAUTHORIZED, "Authorization: Bearer <API key> is required");
        }
        byte[] hash = ApiKeys.sha256(key);
        // The caller is looked up first and the chain runs last, outside of any empty-handling: a request whose
        // handling completes empty must not fall into the "unknown key" branch after its answer was written.
        return identify(hash)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> caller.isPresent()
                        ? admit(exchange, chain, caller.get(), opsPathRequested)
                        : deny(exchange, ErrorCode.UNAUTHORIZED, "Unknown API key"));
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, Caller caller, boolean opsPath) {
        if (caller.isOps() != opsPath) {
            return deny(
                    exchange,
                    ErrorCode.FORBIDDEN,
                    caller.isOps()
                            ? "An operator's key may only call /api/v1/ops endpoints"
                            : "A portal key may not call /api/v1/ops endpoints");
        }
        exchange.getAttributes().put(CallerArgumentResolver.ATTRIBUTE, caller);
        return chain.filter(exchange);
    }

    /**
     * The dashboard authenticates with its session cookie (HttpOnly, SameSite=Strict); a request
     * that changes something must also carry {@code X-Recon-Dashboard}, which no cross-site form
     * can send.
     */
    private Mono<Void> dashboardSession(ServerWebExchange exchange, WebFilterChain chain, String token) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (!safe && exchange.getRequest().getHeaders().getFirst(DASHBOARD_HEADER) == null) {
            return deny(
                    exchange,
                    ErrorCode.FORBIDDEN,
                    "A dashboard request that changes something needs " + DASHBOARD_HEADER);
        }
        byte[] hash = ApiKeys.sha256(token);
        return sessions.operatorOf(hash)
                .flatMap(operatorId -> operatorId.isEmpty()
                        ? Mono.just(Caller.BOOTSTRAP)
                        : operators.enabledOperator(operatorId.get()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(operator -> {
                    if (operator.isEmpty()) {
                        return deny(
                                exchange,
                                ErrorCode.UNAUTHORIZED,
                                "The dashboard session expired or its operator is disabled; sign in again");
                    }
                    exchange.getAttributes().put(CallerArgumentResolver.ATTRIBUTE, Caller.ops(operator.get(), hash));
                    return chain.filter(exchange);
                });
    }

    private Mono<Caller> identify(byte[] hash) {
        if (MessageDigest.isEqual(hash, opsKeyHash)) {
            return Mono.just(Caller.ops(hash));
        }
        KeyHash cacheKey = new KeyHash(hash);
        String cached = portalByKeyHash.get(cacheKey);
        if (cached != null) {
            return Mono.just(Caller.portal(PortalId.of(cached), hash));
        }
        // Only portal keys are cached: an operator's key is looked up at every request, so that disabling it
        // takes effect at once on every instance.
        return portals.portalIdForKeyHash(hash)
                .map(portalId -> {
                    if (portalByKeyHash.size() >= CACHE_LIMIT) {
                        portalByKeyHash.clear();
                    }
                    portalByKeyHash.put(cacheKey, portalId);
                    return Caller.portal(PortalId.of(portalId), hash);
                })
                .switchIfEmpty(Mono.defer(
                        () -> operators.operatorForKeyHash(hash).map(operator -> Caller.ops(operator, hash))));
    }

    private Mono<Void> deny(ServerWebExchange exchange, ErrorCode code, String detail) {
        return Problems.write(exchange, json, code, detail, List.of());
    }

    static @Nullable String bearerKey(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = value.substring(7).trim();
        return key.isEmpty() || key.length() > 512 ? null : key;
    }

    private record KeyHash(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof KeyHash that && java.util.Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }
}
