package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.ApiKeys;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The operators' dashboard at {@code /ops} (no key needed to load it) and its sign-in: an operator's key (a named
 * operator's, or the bootstrap {@code RECON_OPS_API_KEY}) is posted once and exchanged for an HttpOnly,
 * SameSite=Strict session cookie that remembers whose session it is.
 */
@RestController
public class OpsSessionController {

    private static final Resource DASHBOARD = new ClassPathResource("static/ops/index.html");

    private final OpsSessions sessions;
    private final OperatorResolver operators;
    private final byte[] opsKeyHash;

    public OpsSessionController(OpsSessions sessions, OperatorResolver operators, OpsApiKey opsKey) {
        this.sessions = sessions;
        this.operators = operators;
        this.opsKeyHash = opsKey.hash();
    }

    public record SignIn(String key) {}

    @GetMapping(
            value = {"/ops", "/ops/"},
            produces = MediaType.TEXT_HTML_VALUE)
    Mono<Resource> dashboard() {
        return Mono.just(DASHBOARD);
    }

    @PostMapping("/ops/session")
    Mono<ResponseEntity<Void>> signIn(@RequestBody SignIn request, ServerWebExchange exchange) {
        if (request.key() == null || request.key().isBlank()) {
            return Mono.error(new DomainException(ErrorCode.UNAUTHORIZED, "Not an operator's key"));
        }
        byte[] hash = ApiKeys.sha256(request.key().trim());
        // Whose session: the bootstrap administrator's (no operator id) or an enabled named operator's.
        Mono<Optional<String>> whose = MessageDigest.isEqual(hash, opsKeyHash)
                ? Mono.just(Optional.empty())
                : operators.operatorForKeyHash(hash).map(operator -> Optional.of(operator.operatorId()));
        boolean https = "https".equals(exchange.getRequest().getURI().getScheme());
        return whose.switchIfEmpty(
                        Mono.error(() -> new DomainException(ErrorCode.UNAUTHORIZED, "Not an operator's key")))
                .flatMap(operatorId -> sessions.open(operatorId.orElse(null)))
                .map(token -> ResponseEntity.status(HttpStatus.NO_CONTENT)
                        .header(
                                "Set-Cookie",
                                ResponseCookie.from(OpsSessions.COOKIE, token)
                                        .httpOnly(true)
                                        .secure(https)
                                        .sameSite("Strict")
                                        .path("/")
                                        .maxAge(OpsSessions.LIFETIME)
                                        .build()
                                        .toString())
                        .build());
    }

    @DeleteMapping("/ops/session")
    Mono<ResponseEntity<Void>> signOut(@CookieValue(value = OpsSessions.COOKIE, required = false) String token) {
        Mono<Void> closed = token == null ? Mono.empty() : sessions.close(token);
        return closed.thenReturn(ResponseEntity.status(HttpStatus.NO_CONTENT)
                .header(
                        "Set-Cookie",
                        ResponseCookie.from(OpsSessions.COOKIE, "")
                                .httpOnly(true)
                                .sameSite("Strict")
                                .path("/")
                                .maxAge(0)
                                .build()
                                .toString())
                .build());
    }
}
