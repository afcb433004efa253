package io.crowdrecon.recon.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After each test of a {@link ReconIntegrationTest} class, the operator's audit ({@code GET /api/v1/ops/audit}) finds
 * no breach of the books' invariants ({@link OpsView#assertNoBreach()}); a breach fails the test that left it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BooksBalanceCheck.class)
public @interface TheBooksBalanceAfterEachTest {}
