package io.crowdrecon.recon.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * The days TARGET2 (and so SEPA credit transfers) settles: every day but Saturday, Sunday, 1 January, Good Friday,
 * Easter Monday, 1 May, 25 and 26 December (the ECB's TARGET closing days). A payment file's requested execution date
 * is moved to such a day, since a bank would otherwise reject or silently shift it; a transfer clears a number of them
 * after its booking date.
 */
public final class Target2Calendar {

    private Target2Calendar() {}

    /** Whether TARGET2 settles on {@code day}. */
    public static boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return false;
        }
        Month month = day.getMonth();
        int dayOfMonth = day.getDayOfMonth();
        if ((month == Month.JANUARY && dayOfMonth == 1)
                || (month == Month.MAY && dayOfMonth == 1)
                || (month == Month.DECEMBER && (dayOfMonth == 25 || dayOfMonth == 26))) {
            return false;
        }
        LocalDate easter = easterSunday(day.getYear());
        return !day.equals(easter.minusDays(2)) && !day.equals(easter.plusDays(1));
    }

    /** {@code day} itself when TARGET2 settles on it, else the next day it does. */
    public static LocalDate onOrAfter(LocalDate day) {
        LocalDate candidate = day;
        while (!isBusinessDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /**
     * The {@code days}-th business day after {@code from} ({@code from} itself when {@code days} is 0, whatever day it
     * is): a transfer booked on a Friday with 2 days clears on Tuesday, one booked on a Saturday on Tuesday too.
     */
    public static LocalDate plusBusinessDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = from;
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
