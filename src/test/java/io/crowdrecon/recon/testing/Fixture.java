package io.crowdrecon.recon.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field {@link ReconFixtures} fills, so that a test class starts with what it tests rather than with how its
 * helpers are made. A static {@link TestKafka} is opened before the class's first test and closed after its last;
 * an instance field of a helper ({@link ApiClient}, {@link OpsView}, {@link CardGateway}, {@link BankFileApi}) is
 * made before each test, and one of the flows ({@link PaymentFlows}, {@link CardFlows}, {@link CampaignFlows}) is a
 * new portal before each test, so that no test sees another's data.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Fixture {}
