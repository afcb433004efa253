package io.crowdrecon.recon.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Headless Debian Chromium driven through chromedriver's W3C WebDriver HTTP API, with nothing but
 * {@link HttpClient}: one chromedriver process per test class, one browser {@link Session} per test.
 * Chromium runs with the flags this machine needs (no sandbox as root, no background networking on a
 * closed network) and a fresh profile, and keeps every console message for {@link Session#browserLog()}.
 */
final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("recon.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("recon.chromedriver", "/usr/bin/chromedriver"));

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process driver;
    private final URI base;
    private final HttpClient http;

    private Chromium(Process driver, URI base) {
        this.driver = driver;
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Starts chromedriver on a free port and waits until it is ready.
     *
     * @throws AssertionError naming the packages to install when Chromium or chromedriver is missing
     */
    static Chromium start(Path logFile) {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the dashboard's browser test needs Debian's Chromium"
                        + " and ChromeDriver (apt-get install -y chromium chromium-driver; .ci/run installs them)");
            }
        }
        int port = freePort();
        Process process;
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + CHROMEDRIVER, e);
        }
        Chromium chromium = new Chromium(process, URI.create("http://127.0.0.1:" + port));
        try {
            await("chromedriver ready on port " + port)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() ->
                            chromium.call("GET", "/status", null).path("ready").asBoolean(false));
        } catch (RuntimeException | Error e) {
            chromium.close();
            throw e;
        }
        return chromium;
    }

    /** A new browser with an empty profile, its window {@code width}×{@code height}. */
    Session newSession(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("crowdrecon-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("binary", CHROMIUM.toString());
        options.put("args", args);
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("browserName", "chrome");
        capabilities.put("goog:chromeOptions", options);
        capabilities.put("goog:loggingPrefs", Map.of("browser", "ALL"));
        JsonNode created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", capabilities)));
        return new Session(created.path("sessionId").asString(), profile);
    }

    @Override
    public void close() {
        driver.destroy();
        try {
            if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            driver.destroyForcibly();
        }
    }

    /** Sends one WebDriver command; answers its {@code value}, or throws with the driver's error. */
    private JsonNode call(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8");
        request.method(
                method,
                body == null
                        ? ("POST".equals(method)
                                ? HttpRequest.BodyPublishers.ofString("{}")
                                : HttpRequest.BodyPublishers.noBody())
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() >= 400 || value.has("error")) {
            throw new WebDriverException(
                    method + " " + path + " → " + response.statusCode() + " "
                            + value.path("error").asString("") + ": "
                            + value.path("message").asString(""),
                    value.path("error").asString(""));
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A WebDriver command the driver refused, with its W3C error code ({@code no such element}...). */
    static final class WebDriverException extends RuntimeException {
        private final String error;

        WebDriverException(String message, String error) {
            super(message);
            this.error = error;
        }

        String error() {
            return error;
        }
    }

    /** One browser: navigate, find, type, click, run a script, screenshot, read the console. */
    final class Session implements AutoCloseable {

        private final String id;
        private final Path profile;
        private final List<JsonNode> log = new ArrayList<>();

        private Session(String id, Path profile) {
            this.id = id;
            this.profile = profile;
        }

        void open(String url) {
            command("POST", "/url", Map.of("url", url));
        }

        /** The element {@code css} selects; a {@link WebDriverException} "no such element" if none. */
        String element(String css) {
            return command("POST", "/element", Map.of("using", "css selector", "value", css))
                    .path(ELEMENT)
                    .asString();
        }

        /** Types {@code text} into the element {@code css} selects, as a user would, key by key. */
        void type(String css, String text) {
            command("POST", "/element/" + element(css) + "/value", Map.of("text", text));
        }

        void click(String css) {
            command("POST", "/element/" + element(css) + "/click", Map.of());
        }

        /** Runs {@code script} (a function body; {@code arguments} are {@code args}) and answers what it returns. */
        JsonNode script(String script, Object... args) {
            return command("POST", "/execute/sync", Map.of("script", script, "args", List.of(args)));
        }

        /** The text content of the element {@code css} selects, or null when there is none (or it is hidden). */
        String visibleText(String css) {
            JsonNode text = script(
                    "const e = document.querySelector(arguments[0]);"
                            + " return e && e.offsetParent !== null ? e.textContent : null;",
                    css);
            return text.isNull() ? null : text.asString();
        }

        boolean isVisible(String css) {
            return visibleText(css) != null;
        }

        void deleteCookie(String name) {
            command("DELETE", "/cookie/" + name, null);
        }

        void resize(int width, int height) {
            command("POST", "/window/rect", Map.of("width", width, "height", height));
        }

        /** A PNG of the viewport, written to {@code file}. */
        Path screenshot(Path file) {
            byte[] png = Base64.getDecoder()
                    .decode(command("GET", "/screenshot", null).asString());
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, png);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }

        /**
         * Every console message so far ({@code level}, {@code message}, {@code source}...). The driver
         * hands each entry out once, so they are kept here.
         */
        List<JsonNode> browserLog() {
            JsonNode entries;
            try {
                entries = command("POST", "/se/log", Map.of("type", "browser"));
            } catch (WebDriverException e) {
                entries = command("POST", "/log", Map.of("type", "browser"));
            }
            entries.valueStream().forEach(log::add);
            return List.copyOf(log);
        }

        /** The console entries at level SEVERE: errors, failed requests, CSP violations, uncaught exceptions. */
        List<String> severeLogEntries() {
            return browserLog().stream()
                    .filter(entry -> "SEVERE".equals(entry.path("level").asString()))
                    .map(entry -> entry.path("source").asString("") + ": "
                            + entry.path("message").asString())
                    .toList();
        }

        private JsonNode command(String method, String path, Object body) {
            return call(method, "/session/" + id + path, body);
        }

        @Override
        public void close() {
            try {
                call("DELETE", "/session/" + id, null);
            } finally {
                deleteQuietly(profile);
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
