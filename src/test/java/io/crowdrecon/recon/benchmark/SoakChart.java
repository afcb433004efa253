package io.crowdrecon.recon.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The soak's chart: one small line chart per metric over the run, in a grid, each with its name, its unit and its min
 * and max; plain {@code java.awt} drawn headless into a PNG (no charting library for a dozen polylines).
 */
final class SoakChart {

    /** One metric: name (with unit), sampled values (NaN: missing) at the shared elapsed seconds. */
    record Series(String name, double[] values, boolean upward) {}

    private static final int PANEL_W = 420;
    private static final int PANEL_H = 220;
    private static final int COLUMNS = 3;

    private SoakChart() {}

    static void write(Path file, String title, double[] seconds, List<Series> series, double warmupSeconds)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        int rows = (series.size() + COLUMNS - 1) / COLUMNS;
        int width = PANEL_W * COLUMNS;
        int height = 36 + PANEL_H * rows;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 12, 24);
            for (int i = 0; i < series.size(); i++) {
                panel(
                        g,
                        0 + (i % COLUMNS) * PANEL_W,
                        36 + (i / COLUMNS) * PANEL_H,
                        seconds,
                        series.get(i),
                        warmupSeconds);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, int x0, int y0, double[] seconds, Series s, double warmupSeconds) {
        int left = x0 + 56;
        int right = x0 + PANEL_W - 14;
        int top = y0 + 30;
        int bottom = y0 + PANEL_H - 28;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s.values()) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double tMax = seconds.length == 0 ? 1 : Math.max(1, seconds[seconds.length - 1]);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(s.upward() ? new Color(0xB00020) : Color.BLACK);
        g.drawString(s.name() + (s.upward() ? "  UPWARD" : ""), x0 + 10, y0 + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.DARK_GRAY);
        boolean empty = min == Double.POSITIVE_INFINITY;
        g.drawString(
                empty ? "no samples" : "min " + SoakTrend.number(min) + "   max " + SoakTrend.number(max),
                x0 + PANEL_W - 190,
                y0 + 18);
        g.setColor(new Color(0xF4F4F4));
        g.fillRect(left, top, right - left, bottom - top);
        g.setColor(Color.GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        // The warm-up the trend ignores, shaded.
        int warm = (int) (left + (right - left) * Math.min(1, warmupSeconds / tMax));
        g.setColor(new Color(0xE2E2E2));
        g.fillRect(left + 1, top + 1, Math.max(0, warm - left - 1), bottom - top - 1);
        if (empty) {
            return;
        }
        double lo = Math.min(0, min);
        double hi = max == lo ? lo + 1 : max + (max - lo) * 0.05;
        g.setColor(Color.DARK_GRAY);
        g.drawString(SoakTrend.number(hi), x0 + 4, top + 10);
        g.drawString(SoakTrend.number(lo), x0 + 4, bottom);
        g.drawString("0", left, bottom + 14);
        String end = tMax < 600 ? String.format("%.0f s", tMax) : String.format("%.0f min", tMax / 60);
        g.drawString(end, right - g.getFontMetrics().stringWidth(end), bottom + 14);
        Path2D.Double line = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < seconds.length && i < s.values().length; i++) {
            double v = s.values()[i];
            if (Double.isNaN(v)) {
                pen = false;
                continue;
            }
            double px = left + (right - left) * seconds[i] / tMax;
            double py = bottom - (bottom - top) * (v - lo) / (hi - lo);
            if (pen) {
                line.lineTo(px, py);
            } else {
                line.moveTo(px, py);
                pen = true;
            }
        }
        g.setColor(new Color(0x1F5FBF));
        g.setStroke(new BasicStroke(1.5f));
        g.draw(line);
        g.setStroke(new BasicStroke(1f));
    }
}
