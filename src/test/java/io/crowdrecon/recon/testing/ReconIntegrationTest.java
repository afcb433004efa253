package io.crowdrecon.recon.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port against real PostgreSQL and Kafka ({@link TestInfrastructure}).
 * All tests with this annotation share one application context; each test creates its own portals,
 * so no test depends on another's data. A blocking call BlockHound reports meanwhile fails the test. Its {@link Fixture}
 * fields are filled by {@link ReconFixtures}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@ActiveProfiles("test")
@ExtendWith({NoBlockingCallsExtension.class, ReconFixtures.class})
public @interface ReconIntegrationTest {}
