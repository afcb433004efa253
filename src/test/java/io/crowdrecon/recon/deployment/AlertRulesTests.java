package io.crowdrecon.recon.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The alerts of {@code k8s/monitoring/alerts.yaml} fire when their condition holds and only then: {@code promtool
 * test rules} (Debian's {@code prometheus} package, which {@code .ci/run} installs) runs
 * {@code k8s/monitoring/alerts-test.yaml} against the PrometheusRule's groups. Annotations are checked here instead:
 * every alert says what happened and links a runbook section that exists.
 */
class AlertRulesTests {

    private static final Path ALERTS = Path.of("k8s/monitoring/alerts.yaml");
    private static final Path ALERT_TESTS = Path.of("k8s/monitoring/alerts-test.yaml");
    private static final Path RUNBOOKS = Path.of("docs/operations.md");

    @Test
    void everyAlertFiresWhenItsConditionHoldsAndStaysQuietOtherwise(@TempDir Path dir)
            throws IOException, InterruptedException {
        List<Map<String, Object>> groups = groups();
        for (Map<String, Object> rule : rules(groups)) {
            rule.remove("annotations"); // promtool would compare them in every case; checked below instead
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(
                dir.resolve("rules.yaml"), new Yaml(options).dump(Map.of("groups", groups)), StandardCharsets.UTF_8);
        Files.copy(ALERT_TESTS, dir.resolve("alerts-test.yaml"));

        Process promtool = new ProcessBuilder("promtool", "test", "rules", "alerts-test.yaml")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(promtool.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }

    @Test
    void everyAlertIsTestedAndLinksARunbookSectionThatExists() throws IOException {
        String tests = Files.readString(ALERT_TESTS, StandardCharsets.UTF_8);
        List<String> anchors = anchors(Files.readString(RUNBOOKS, StandardCharsets.UTF_8));
        for (Map<String, Object> rule : rules(groups())) {
            String alert = (String) rule.get("alert");
            assertThat(tests).as("%s has a promtool test", alert).contains("alertname: " + alert + "\n");
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertThat(annotations).as(alert).containsKeys("summary", "runbook_url");
            String runbook = (String) annotations.get("runbook_url");
            assertThat(runbook).as(alert).contains("/docs/operations.md#");
            assertThat(anchors)
                    .as("%s links a section of docs/operations.md", alert)
                    .contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> groups() throws IOException {
        Map<String, Object> rule = new Yaml().load(Files.readString(ALERTS, StandardCharsets.UTF_8));
        return (List<Map<String, Object>>) ((Map<String, Object>) rule.get("spec")).get("groups");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(List<Map<String, Object>> groups) {
        List<Map<String, Object>> rules = new ArrayList<>();
        groups.forEach(group -> rules.addAll((List<Map<String, Object>>) group.get("rules")));
        return rules;
    }

    /** GitHub's anchors of the Markdown headings: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(String markdown) {
        Matcher headings = Pattern.compile("(?m)^#{1,6} (.+)$").matcher(markdown);
        List<String> anchors = new ArrayList<>();
        while (headings.find()) {
            anchors.add(headings.group(1)
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9 _-]", "")
                    .replace(' ', '-'));
        }
        return anchors.stream().collect(Collectors.toList());
    }
}
