package org.bindbackend.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** The chart of docs/benchmarks.md: six bar panels drawn with Java2D, headless, written as PNG. */
final class Chart {

    private record Bar(String label, double value, Color color) {
    }

    private record Panel(String title, String unit, List<Bar> bars) {
    }

    private static final int WIDTH = 1400;
    private static final int PANEL_HEIGHT = 300;
    private static final int HEADER = 56;
    private static final Color BACKEND = new Color(0x1d4ed8);
    private static final Color OTHER = new Color(0x9ca3af);
    private static final Color CEILING = new Color(0xd97706);
    private static final Color OPEN = new Color(0x059669);

    private Chart() {
    }

    static void draw(Results results, String machine, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Panel> panels = panels(results);
        int rows = (panels.size() + 1) / 2;
        BufferedImage image = new BufferedImage(WIDTH, HEADER + rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new Color(0x111827));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("bind-backend benchmarks", 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(machine + "; " + results.settings.concurrency() + " load workers on the same machine", 20, 47);
        for (int i = 0; i < panels.size(); i++) {
            int x = (i % 2) * (WIDTH / 2);
            int y = HEADER + (i / 2) * PANEL_HEIGHT;
            drawPanel(g, panels.get(i), x + 10, y + 6, WIDTH / 2 - 20, PANEL_HEIGHT - 12);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static List<Panel> panels(Results results) {
        List<Panel> panels = new ArrayList<>();
        if (!results.logins.isEmpty()) {
            List<Bar> rate = new ArrayList<>();
            List<Bar> cpu = new ArrayList<>();
            for (Load.Result login : results.logins) {
                Color color = login.name().startsWith("bind-backend") ? BACKEND : OTHER;
                rate.add(new Bar(login.name(), login.perSecond(), color));
                cpu.add(new Bar(login.name(), login.serverCpuMillisPerOperation(), color));
            }
            panels.add(new Panel("1. Whole logins per second (authorize, form, code, ID token)", "logins/s", rate));
            panels.add(new Panel("1. Server CPU per login", "ms", cpu));
        }
        List<Bar> exchange = new ArrayList<>();
        if (results.frontChannel != null) {
            exchange.add(new Bar("authorize + login form", results.frontChannel.perSecond(), OTHER));
        }
        if (results.exchanges != null) {
            exchange.add(new Bar("code exchanges (embedded)", results.exchanges.perSecond(), BACKEND));
        }
        // an exchange signs one ID token, so the all-cores signing rate is its ceiling
        for (Load.Result signing : new Load.Result[] {results.signingOneCore, results.signingAllCores}) {
            if (signing != null) {
                exchange.add(new Bar(signing.name().replace("RS256 sign, ", "RS256 signatures/s, "),
                        signing.perSecond(), CEILING));
            }
        }
        if (!exchange.isEmpty()) {
            panels.add(new Panel("2. Token endpoint vs RS256 signatures (one per exchange)", "per second", exchange));
        }
        if (!results.api.isEmpty()) {
            List<Bar> api = new ArrayList<>();
            for (Load.Result r : results.api) {
                api.add(new Bar(r.name(), r.perSecond(), r.name().contains("unprotected") ? OPEN : BACKEND));
            }
            panels.add(new Panel("3. Protected API vs its unprotected twin", "requests/s", api));
        }
        if (!results.startups.isEmpty()) {
            List<Bar> ready = new ArrayList<>();
            List<Bar> rss = new ArrayList<>();
            for (Map.Entry<String, List<Results.Startup>> app : new Report(results).startupsByApp().entrySet()) {
                Color color = app.getKey().startsWith("bind-backend") ? BACKEND : OPEN;
                ready.add(new Bar(app.getKey(), Report.median(app.getValue().stream()
                        .mapToDouble(Results.Startup::readySeconds).toArray()), color));
                rss.add(new Bar(app.getKey(), Report.median(app.getValue().stream()
                        .mapToDouble(s -> s.rssKib() / 1024.0).toArray()), color));
            }
            panels.add(new Panel("4. Start-up on Payara Micro: until /health/ready is UP (median)", "s", ready));
            panels.add(new Panel("4. Resident memory when ready (median)", "MiB", rss));
        }
        return panels;
    }

    private static void drawPanel(Graphics2D g, Panel panel, int x, int y, int width, int height) {
        g.setColor(new Color(0xf9fafb));
        g.fillRect(x, y, width, height);
        g.setColor(new Color(0xe5e7eb));
        g.setStroke(new BasicStroke(1));
        g.drawRect(x, y, width, height);
        g.setColor(new Color(0x111827));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(panel.title(), x + 12, y + 24);
        List<Bar> bars = panel.bars();
        double max = bars.stream().mapToDouble(Bar::value).filter(v -> !Double.isNaN(v)).max().orElse(1);
        int labelWidth = 230;
        int top = y + 40;
        int barArea = width - labelWidth - 170;
        int slot = Math.min(56, (height - 50) / Math.max(1, bars.size()));
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int barY = top + i * slot;
            g.setFont(labelFont);
            g.setColor(new Color(0x374151));
            FontMetrics metrics = g.getFontMetrics();
            String label = fit(bar.label(), metrics, labelWidth - 16);
            g.drawString(label, x + 12, barY + slot / 2 + metrics.getAscent() / 2 - 2);
            double value = Double.isNaN(bar.value()) ? 0 : bar.value();
            int length = (int) Math.round(barArea * value / max);
            g.setColor(bar.color());
            g.fillRect(x + labelWidth, barY + slot / 6, Math.max(length, 2), slot * 2 / 3);
            g.setColor(new Color(0x111827));
            g.drawString(format(bar.value()) + " " + panel.unit(), x + labelWidth + Math.max(length, 2) + 6,
                    barY + slot / 2 + metrics.getAscent() / 2 - 2);
        }
    }

    private static String fit(String text, FontMetrics metrics, int width) {
        String fitted = text;
        while (metrics.stringWidth(fitted) > width && fitted.length() > 4) {
            fitted = fitted.substring(0, fitted.length() - 2);
        }
        return fitted.equals(text) ? text : fitted + "…";
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
