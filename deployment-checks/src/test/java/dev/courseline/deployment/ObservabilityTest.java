package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The observability component, rendered in the overlay that uses it: Prometheus scrapes each service where its
 * actuator serves metrics, and every metric the alert rules and the Grafana dashboard read is one a service exports
 * (the lists its tests wrote, see {@link ExportedMetrics}).
 */
class ObservabilityTest {

    private static final Rendered MONITORED = Kustomize.render(Repository.path("k8s/overlays/local-monitored"));
    private static final List<String> SCRAPED = List.of("catalogue-service", "enquiry-service", "notification-service");

    @Test
    void theServiceMonitorScrapesEachServicesPrometheusEndpointOnAPortItsServiceHas() {
        List<KubeObject> monitors = MONITORED.ofKind("ServiceMonitor");
        assertThat(monitors).isNotEmpty();
        for (String service : SCRAPED) {
            KubeObject target = MONITORED.find("Service", service).orElseThrow();
            List<KubeObject> scraping = monitors.stream()
                    .filter(monitor -> Selectors.matches(Tree.mapAt(monitor.body(), "spec", "selector"),
                            Tree.mapAt(target.body(), "metadata", "labels")))
                    .toList();
            assertThat(scraping).as("ServiceMonitors selecting " + service).hasSize(1);
            Set<String> ports = new TreeSet<>();
            Tree.listAt(target.body(), "spec", "ports").forEach(port -> ports.add(Tree.text(port, "name")));
            assertThat(Tree.listAt(scraping.get(0).body(), "spec", "endpoints")).isNotEmpty().allSatisfy(endpoint -> {
                assertThat(Tree.text(endpoint, "path")).isEqualTo("/actuator/prometheus");
                assertThat(ports).contains(Tree.text(endpoint, "port"));
            });
        }
    }

    @Test
    void thereIsARuleForEachAlertOfTheOperationsPage() {
        List<String> alerts = new ArrayList<>();
        rules().forEach(rule -> alerts.add(Tree.text(rule, "alert")));
        assertThat(alerts).contains("CourselineOutboxStuck", "CourselineDeadLetter", "CourselineEmailDelayHigh",
                "CourselineLeadsOverdue", "CourselineServiceNotReady", "CourselineServiceDown");
        String operations = Repository.read(Repository.path("docs/operations.md"));
        assertThat(alerts)
                .allSatisfy(alert -> assertThat(operations).as("docs/operations.md").contains("### " + alert));
    }

    @Test
    void everyMetricTheRulesAndTheDashboardReadIsOneAServiceExports() {
        Set<String> exported = ExportedMetrics.byServices();
        List<String> unknown = new ArrayList<>();
        for (String expression : expressions()) {
            PromQl.metricNames(expression).stream().filter(name -> !ExportedMetrics.allows(exported, name))
                    .forEach(name -> unknown.add(name + " in " + expression));
        }

        assertThat(expressions()).hasSizeGreaterThan(10);
        assertThat(unknown).as("metric names no service exports (docs/metrics/*.txt)").isEmpty();
    }

    @Test
    void theDashboardShowsWhatTheIssueAsksFor() {
        String all = String.join("\n", dashboardExpressions());
        assertThat(all).contains("courseline_enquiries_received_total", "courseline_outbox_pending",
                "courseline_outbox_oldest_pending_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                "histogram_quantile(0.5", "histogram_quantile(0.99", "courseline_notifications",
                "courseline_dead_letters_total", "courseline_leads_overdue");
    }

    @Test
    void aNameNoServiceExportsIsFound() {
        Set<String> exported = ExportedMetrics.byServices();
        assertThat(PromQl.metricNames("sum by (kind) (rate(courseline_quotes_total{kind=\"QUOTE\"}[5m])) > 0"))
                .containsExactly("courseline_quotes_total");
        assertThat(ExportedMetrics.allows(exported, "courseline_quotes_total")).isFalse();
        assertThat(ExportedMetrics.allows(exported, "courseline_email_delay_seconds_bucket")).isTrue();
        assertThat(ExportedMetrics.allows(exported, "courseline_dead_letters_total")).isTrue();
    }

    private static List<Object> rules() {
        List<Object> rules = new ArrayList<>();
        for (KubeObject rule : MONITORED.ofKind("PrometheusRule")) {
            Tree.listAt(rule.body(), "spec", "groups").forEach(group -> rules.addAll(Tree.listAt(group, "rules")));
        }
        return rules;
    }

    private static List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        rules().forEach(rule -> expressions.add(Tree.text(rule, "expr")));
        expressions.addAll(dashboardExpressions());
        return expressions;
    }

    private static List<String> dashboardExpressions() {
        KubeObject configMap = MONITORED.find("ConfigMap", "courseline-dashboard").orElseThrow();
        assertThat(Tree.text(configMap.body(), "metadata", "labels", "grafana_dashboard")).isEqualTo("1");
        String json = Tree.text(configMap.body(), "data", "courseline-dashboard.json");
        // JSON is YAML, so the parser the checks already use reads the dashboard.
        Map<String, Object> dashboard = Tree.map(new Yaml(new SafeConstructor(new LoaderOptions())).load(json));
        List<String> expressions = new ArrayList<>();
        for (Object panel : Tree.listAt(dashboard, "panels")) {
            Tree.listAt(panel, "targets").forEach(target -> expressions.add(Tree.text(target, "expr")));
        }
        return expressions;
    }
}
