package io.crowdrecon.recon.paymentfile.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.paymentfile.BuildPaymentFiles;
import io.crowdrecon.recon.paymentfile.PaymentFileAnnouncement;
import io.crowdrecon.recon.shared.BackgroundLoop;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The cut-off as configured: started only with payment files on and a schedule; a bad schedule fails the start. */
class PaymentFilePropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PaymentFileCutOffConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            // Never called here: the loop is declared, not run.
            .withBean(
                    BuildPaymentFiles.class,
                    () -> new BuildPaymentFiles(
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            Clock.systemUTC(),
                            ZoneOffset.UTC,
                            null,
                            new PaymentFileAnnouncement(1000)));

    @Test
    void runsTheCutOffWhenPaymentFilesAreOn() {
        context.withPropertyValues("recon.payment-files.enabled=true", "recon.payment-files.schedule=0 0 16 * * *")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(BackgroundLoop.Source.class).loops())
                            .extracting(BackgroundLoop::name)
                            .containsExactly(PaymentFileCutOff.NAME);
                });
    }

    @Test
    void defaultsToEveryQuarterOfAnHourInBrussels() {
        context.withPropertyValues("recon.payment-files.enabled=true").run(started -> {
            PaymentFileProperties properties = started.getBean(PaymentFileProperties.class);
            assertThat(properties.schedule()).isEqualTo("0 */15 * * * *");
            assertThat(properties.zone()).hasToString("Europe/Brussels");
            assertThat(started.getBean(BackgroundLoop.Source.class).loops()).hasSize(1);
        });
    }

    @Test
    void startsNoCutOffWhilePaymentFilesAreOff() {
        context.withPropertyValues("recon.payment-files.enabled=false", "recon.payment-files.schedule=* * * * * *")
                .run(started -> assertThat(
                                started.getBean(BackgroundLoop.Source.class).loops())
                        .isEmpty());
    }

    @Test
    void startsNoCutOffWithoutASchedule() {
        context.withPropertyValues("recon.payment-files.enabled=true", "recon.payment-files.schedule=-")
                .run(started -> assertThat(
                                started.getBean(BackgroundLoop.Source.class).loops())
                        .isEmpty());
    }

    @Test
    void failsTheStartOnAScheduleThatIsNoCronExpression() {
        context.withPropertyValues("recon.payment-files.enabled=true", "recon.payment-files.schedule=*/15 * * * *")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("RECON_PAYMENT_FILE_SCHEDULE")
                            .hasMessageContaining("'*/15 * * * *'")
                            .hasMessageContaining("six fields");
                });
    }

    @Test
    void failsTheStartOnAScheduleThatNeverFires() {
        context.withPropertyValues("recon.payment-files.schedule=0 0 0 30 2 *").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("RECON_PAYMENT_FILE_SCHEDULE")
                    .hasMessageContaining("never fires");
        });
    }

    @Test
    void failsTheStartOnAnUnknownZone() {
        context.withPropertyValues("recon.payment-files.zone=Europe/Atlantis")
                .run(started -> assertThat(started).hasFailed());
    }
}
