package io.crowdrecon.recon.platform.openapi;

import io.crowdrecon.recon.shared.ErrorCode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The business refusals an operation can answer, beyond those every operation of its kind can give
 * (authentication, validation, a missing resource, idempotency, limits: {@link ProblemResponses}
 * adds those). The OpenAPI document lists each under its HTTP status as
 * {@code application/problem+json}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiErrors {

    ErrorCode[] value();
}
