package io.crowdrecon.recon.shared;

import java.util.List;

/**
 * A business rule refused the request. Carries a stable {@link ErrorCode}, a human detail and,
 * for validation, the invalid fields. Thrown (or emitted as a Mono error) by use cases; the web
 * layer turns it into a problem+json answer.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String detail;
    private final List<FieldError> errors;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public DomainException(ErrorCode code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.detail = detail;
        this.errors = List.copyOf(errors);
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
