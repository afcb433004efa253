package io.crowdrecon.recon.clearing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * The TARGET2 (T2) calendar: the Eurosystem's payment system is closed on Saturdays, Sundays, New Year's Day, Good
 * Friday, Easter Monday, 1 May, 25 and 26 December (ECB, "TARGET2 closing days"); every other day is a business day.
 */
public final class Target2Calendar {

    private Target2Calendar() {}

    public static boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return false;
        }
        if (day.getDayOfYear() == 1
                || (day.getMonth() == Month.MAY && day.getDayOfMonth() == 1)
                || (day.getMonth() == Month.DECEMBER && (day.getDayOfMonth() == 25 || day.getDayOfMonth() == 26))) {
            return false;
        }
        LocalDate easter = easterSunday(day.getYear());
        return !day.equals(easter.minusDays(2)) && !day.equals(easter.plusDays(1));
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
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
