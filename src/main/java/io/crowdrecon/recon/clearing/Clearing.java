package io.crowdrecon.recon.clearing;

import io.crowdrecon.recon.portal.PortalSettings;
import io.crowdrecon.recon.shared.Target2Calendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * When a moneyin's money clears, in plain Java. A transfer clears at the start (Central European Time, TARGET2's) of
 * the portal's {@code clearingBusinessDays}-th TARGET2 business day after the bank's booking date (the day it arrived
 * when the bank gave none); a card capture {@code cardClearingPeriod} after it was captured.
 */
public final class Clearing {

    /** TARGET2 runs on Central European Time; Frankfurt's zone is the ECB's. */
    public static final ZoneId TARGET2_ZONE = ZoneId.of("Europe/Berlin");

    private Clearing() {}

    /**
     * @param card whether the money came by card (else by bank transfer)
     * @param bookingDate the bank's booking date of a transfer; null when the bank gave none, and for cards
     * @param receivedAt when crowdrecon received the credit (a card's capture)
     */
    public static Instant clearsAt(
            PortalSettings settings, boolean card, @Nullable LocalDate bookingDate, Instant receivedAt) {
        if (card) {
            return receivedAt.plus(settings.cardClearingPeriod());
        }
        if (settings.clearingBusinessDays() == 0) {
            // Nothing to wait for: cleared when received, whatever booking date the bank gave.
            return receivedAt;
        }
        LocalDate booked = bookingDate != null
                ? bookingDate
                : receivedAt.atZone(TARGET2_ZONE).toLocalDate();
        return Target2Calendar.plusBusinessDays(booked, settings.clearingBusinessDays())
                .atStartOfDay(TARGET2_ZONE)
                .toInstant();
    }
}
