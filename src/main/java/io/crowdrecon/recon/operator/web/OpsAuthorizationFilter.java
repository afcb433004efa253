package io.crowdrecon.recon.operator.web;

import io.crowdrecon.recon.operator.OperatorRole;
import io.crowdrecon.recon.operator.OpsAction;
import io.crowdrecon.recon.operator.Permissions;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.CallerArgumentResolver;
import io.crowdrecon.recon.platform.web.Problems;
import io.crowdrecon.recon.shared.ErrorCode;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * What an operator's role allows, checked in one place for every {@code /api/v1/ops} request, right after
 * authentication: the endpoint's action ({@link OpsEndpoints}) against the role ({@link Permissions}); a role without
 * it gets 403 {@code FORBIDDEN} before any handler runs. A path the table does not know is an ADMIN's only (an
 * endpoint someone forgot to declare is closed, not open; an unknown path still answers the ADMIN its 404).
 */
public class OpsAuthorizationFilter implements WebFilter, Ordered {

    private static final String OPS_PREFIX = "/api/v1/ops/";

    private final ObjectMapper json;

    public OpsAuthorizationFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        // After ApiKeyAuthenticationFilter (-100), which leaves the Caller; before the edge limits and the handlers.
        return -90;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Caller caller = exchange.getAttribute(CallerArgumentResolver.ATTRIBUTE);
        if (!path.startsWith(OPS_PREFIX) || caller == null || !caller.isOps()) {
            return chain.filter(exchange);
        }
        OperatorRole role = OperatorRole.valueOf(caller.operatorOrFail().role());
        OpsAction action =
                OpsEndpoints.actionOf(exchange.getRequest().getMethod(), path).orElse(OpsAction.MANAGE_OPERATORS);
        if (Permissions.allows(role, action)) {
            return chain.filter(exchange);
        }
        return Problems.write(
                exchange,
                json,
                ErrorCode.FORBIDDEN,
                "The role " + role + " of " + caller.operatorOrFail().name() + " may not " + action,
                List.of());
    }
}
