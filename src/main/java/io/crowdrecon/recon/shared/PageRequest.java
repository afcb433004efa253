package io.crowdrecon.recon.shared;

import org.jspecify.annotations.Nullable;

/** Which page of a list to answer: {@code page} from 0, {@code size} 1 to 500 (default 20). */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    /** Validates the query parameters; absent ones take their defaults. Errors with INVALID_PARAMETER. */
    public static PageRequest of(@Nullable Integer page, @Nullable Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new DomainException(ErrorCode.INVALID_PARAMETER, "page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new DomainException(ErrorCode.INVALID_PARAMETER, "size must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
