package io.crowdrecon.recon.paymentfile.config;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * Payment files out ({@code recon.payment-files}, docs/payment-files.md). Checked when bound: a schedule that is no
 * cron expression, or one that never fires, fails the start with a message naming the setting, instead of a cut-off
 * that silently never comes.
 *
 * @param enabled {@code RECON_PAYMENT_FILES_ENABLED}: bank transfers leave in pain.001 files, built at the cut-offs
 * @param schedule {@code RECON_PAYMENT_FILE_SCHEDULE}: the cut-offs, a Spring cron expression (six fields, seconds
 *     first), or {@value #NO_SCHEDULE} for none (files are built on demand only)
 * @param zone {@code RECON_PAYMENT_FILE_ZONE}: the zone the schedule is read in, which also dates the files
 */
@ConfigurationProperties("recon.payment-files")
public record PaymentFileProperties(boolean enabled, String schedule, ZoneId zone) {

    /** Every 15 minutes. */
    public static final String DEFAULT_SCHEDULE = "0 */15 * * * *";

    /** No cut-off: Spring's own spelling of a disabled cron ({@code Scheduled.CRON_DISABLED}). */
    public static final String NO_SCHEDULE = "-";

    public PaymentFileProperties(boolean enabled, @Nullable String schedule, @Nullable ZoneId zone) {
        this.enabled = enabled;
        this.schedule = schedule == null || schedule.isBlank() ? DEFAULT_SCHEDULE : schedule.trim();
        this.zone = zone == null ? ZoneId.of("Europe/Brussels") : zone;
        cutOffs();
    }

    /**
     * The cut-off schedule; empty for {@value #NO_SCHEDULE}. Fails with an IllegalArgumentException naming the
     * setting for anything that is no cron expression, or one that never fires (the 30th of February).
     */
    public Optional<CronExpression> cutOffs() {
        if (NO_SCHEDULE.equals(schedule)) {
            return Optional.empty();
        }
        CronExpression cron;
        try {
            cron = CronExpression.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (PaymentFileCutOff.next(cron, zone, Instant.now()) == null) {
            throw invalid("it never fires");
        }
        return Optional.of(cron);
    }

    private IllegalArgumentException invalid(@Nullable String why) {
        return new IllegalArgumentException("recon.payment-files.schedule (RECON_PAYMENT_FILE_SCHEDULE) '" + schedule
                + "' is not a usable cron expression (six fields, seconds first, as '" + DEFAULT_SCHEDULE
                + "', or '" + NO_SCHEDULE + "' for none): " + why);
    }
}
