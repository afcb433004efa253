package io.crowdrecon.recon.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business rule refused the request. Carries a stable {@link ErrorCode}, a human detail and,
 * for validation, the invalid fields. Thrown (or emitted as a Mono error) by use cases; the web
 * layer turns it into a problem+json answer.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public DomainException(ErrorCode code, String detail, List<FieldError> errors) {
        this(code, detail, errors, Map.of());
    }

    private DomainException(ErrorCode code, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.code = code;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * This refusal with one more member of its problem document ({@code orders}, {@code threshold}): what a client
     * needs to act on it without parsing the detail. The OpenAPI {@code Problem} schema lists every such member.
     */
    public DomainException with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new DomainException(code, detail, errors, more);
    }

    /** The problem document's members beyond the standard ones, in the order they were added; empty for most. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    public ErrorCode code() {
        return code;
    }

    /** The human detail: the message, typed as never null. */
    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static DomainException notFound(String what, String id) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " " + id + " not found");
    }

    /** A lifecycle's table has no move for {@code trigger} from {@code from}. */
    public static DomainException refusedMove(String what, String id, Object from, Object trigger) {
        return new DomainException(
                ErrorCode.ILLEGAL_TRANSITION, what + " " + id + " in " + from + " cannot move on " + trigger);
    }

    public static DomainException illegalTransition(String what, String id, Object from, Object to) {
        return new DomainException(
                ErrorCode.ILLEGAL_TRANSITION, what + " " + id + " cannot move from " + from + " to " + to);
    }
}
