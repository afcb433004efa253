package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.Texts;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * The text of a request's line and headers, checked before anything reads it (a NUL would otherwise reach PostgreSQL
 * and fail the query, a 500):
 *
 * <ul>
 *   <li>the path: every segment valid UTF-8 once percent-decoded, without control characters, else 404
 *       {@code NOT_FOUND} (no resource has such a name);
 *   <li>the query: every name and value the same, else 400 {@code INVALID_PARAMETER} naming the parameter; a parameter
 *       named as an id ({@link IdPrefix#named}) must have that id's shape;
 *   <li>{@code Idempotency-Key}: 1 to 255 visible ASCII characters; {@code Last-Event-ID}: at most 64; else 400
 *       {@code INVALID_PARAMETER};
 *   <li>{@code X-Portal-Id} on the card webhook: a portal id's shape, else 401 as any bad signature.
 * </ul>
 *
 * Runs after authentication, so that a caller without a key learns nothing but 401.
 */
public class RequestTextFilter implements WebFilter, Ordered {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    static final String PORTAL_ID_HEADER = "X-Portal-Id";
    private static final String CARD_WEBHOOK = "/api/v1/webhooks/card";
    private static final int MAX_LAST_EVENT_ID = 64;

    private final ObjectMapper json;

    public RequestTextFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return -90;
    }

    /** What is wrong with a request, as the answer it gets. */
    record Refusal(ErrorCode code, String detail) {}

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<Refusal> refusal = refusal(
                exchange.getRequest().getURI().getRawPath(),
                exchange.getRequest().getURI().getRawQuery(),
                exchange.getRequest().getHeaders());
        return refusal.isPresent()
                ? Problems.write(
                        exchange, json, refusal.get().code(), refusal.get().detail(), List.of())
                : chain.filter(exchange);
    }

    static Optional<Refusal> refusal(String rawPath, String rawQuery, HttpHeaders headers) {
        return pathRefusal(rawPath).or(() -> queryRefusal(rawQuery)).or(() -> headerRefusal(rawPath, headers));
    }

    static Optional<Refusal> pathRefusal(String rawPath) {
        if (rawPath == null) {
            return Optional.empty();
        }
        for (String segment : rawPath.split("/", -1)) {
            Optional<String> text = decoded(segment, false);
            if (text.isEmpty() || Texts.hasControlCharacters(text.get())) {
                return Optional.of(new Refusal(ErrorCode.NOT_FOUND, "No such resource"));
            }
        }
        return Optional.empty();
    }

    static Optional<Refusal> queryRefusal(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            Optional<String> name = decoded(equals < 0 ? pair : pair.substring(0, equals), true);
            Optional<String> value = decoded(equals < 0 ? "" : pair.substring(equals + 1), true);
            if (name.isEmpty() || Texts.hasControlCharacters(name.get())) {
                return Optional.of(
                        invalidParameter("A query parameter name must be UTF-8 text without control characters"));
            }
            if (value.isEmpty() || Texts.hasControlCharacters(value.get())) {
                return Optional.of(invalidParameter(
                        "Query parameter " + shown(name.get()) + " must be UTF-8 text without control characters"));
            }
            Optional<IdPrefix> id = IdPrefix.named(name.get());
            if (id.isPresent() && !id.get().isWellFormed(value.get())) {
                return Optional.of(invalidParameter("Query parameter " + name.get() + " is not a well-formed id: "
                        + id.get().shape()));
            }
        }
        return Optional.empty();
    }

    static Optional<Refusal> headerRefusal(String rawPath, HttpHeaders headers) {
        String idempotencyKey = headers.getFirst(IdempotentRequests.HEADER);
        if (idempotencyKey != null && !IdempotentRequests.isWellFormedKey(idempotencyKey)) {
            return Optional.of(invalidParameter(IdempotentRequests.KEY_SHAPE));
        }
        String lastEventId = headers.getFirst(LAST_EVENT_ID);
        if (lastEventId != null && !isVisibleAscii(lastEventId, MAX_LAST_EVENT_ID)) {
            return Optional.of(invalidParameter("Last-Event-ID must be a decimal event id"));
        }
        String portalId = headers.getFirst(PORTAL_ID_HEADER);
        if (portalId != null && CARD_WEBHOOK.equals(rawPath) && !IdPrefix.PORTAL.isWellFormed(portalId)) {
            return Optional.of(new Refusal(ErrorCode.UNAUTHORIZED, "A valid X-Portal-Id and X-Signature are required"));
        }
        return Optional.empty();
    }

    /** Whether {@code value} is empty or up to {@code max} characters from {@code !} to {@code ~}. */
    static boolean isVisibleAscii(String value, int max) {
        return value.length() <= max && value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    /**
     * {@code raw} percent-decoded as UTF-8, strictly: empty when an escape is broken or the bytes are not UTF-8 (an
     * encoded surrogate, an overlong form, a stray byte). {@code plusIsSpace} as in a query.
     */
    static Optional<String> decoded(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.writeBytes(utf8);
            } else {
                bytes.write(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    private static Refusal invalidParameter(String detail) {
        return new Refusal(ErrorCode.INVALID_PARAMETER, detail);
    }

    /** A parameter name as it may appear in a detail: short and without control characters (checked before). */
    private static String shown(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }
}
