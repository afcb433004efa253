package io.crowdrecon.recon.deployment;

import static io.crowdrecon.recon.deployment.Rendered.container;
import static io.crowdrecon.recon.deployment.Rendered.path;
import static io.crowdrecon.recon.deployment.Rendered.podSpec;
import static io.crowdrecon.recon.deployment.Rendered.secret;
import static io.crowdrecon.recon.deployment.Rendered.secretFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code kubectl kustomize} renders for each environment (the service's overlay and its migration's) is what a
 * platform team signs off: every built-in object valid against Kubernetes' own OpenAPI models and every Strimzi object
 * against Strimzi's {@code kafka.strimzi.io/v1} model; no secret value; PostgreSQL and Kafka over verified TLS with
 * their own users; the service's environment bound the way Spring Boot binds it; network policies that name their
 * peers; the actuator on its own port, scraped by a PodMonitor; a JVM sized for its pod; rollouts the HPA owns; the
 * schema migrated by a Job, not by the service; a connection budget PostgreSQL can hold.
 */
class RenderedManifestsTests {

    /** What differs between the environments; everything else is the same in both. */
    enum Environment {
        PROD(Rendered.PROD, Rendered.PROD_MIGRATE, "crowdrecon", 3, 3, 6, 3, 2),
        DEV(Rendered.DEV, Rendered.DEV_MIGRATE, "crowdrecon-dev", 1, 1, 2, 1, 1);

        final String overlay;
        final String migrate;
        final String namespace;
        final int postgresInstances;
        final int minReplicas;
        final int maxReplicas;
        final int topicReplicas;
        final int minInSyncReplicas;

        Environment(
                String overlay,
                String migrate,
                String namespace,
                int postgresInstances,
                int minReplicas,
                int maxReplicas,
                int topicReplicas,
                int minInSyncReplicas) {
            this.overlay = overlay;
            this.migrate = migrate;
            this.namespace = namespace;
            this.postgresInstances = postgresInstances;
            this.minReplicas = minReplicas;
            this.maxReplicas = maxReplicas;
            this.topicReplicas = topicReplicas;
            this.minInSyncReplicas = minInSyncReplicas;
        }

        Rendered service() {
            return Rendered.of(overlay);
        }

        Rendered migration() {
            return Rendered.of(migrate);
        }
    }

    private static final String KAFKA_NAMESPACE = "kafka";
    private static final String STRIMZI_V1 = "kafka.strimzi.io/v1";
    private static final String KAFKA_CA = "/etc/crowdrecon/kafka-ca/ca.crt";
    private static final String POSTGRES_CA = "/etc/crowdrecon/postgres-ca/ca.crt";

    // ---------------------------------------------------------------- schemas

    /** The model of each built-in kind the overlays may render, by apiVersion and kind. */
    private static final Map<String, Function<String, Object>> KUBERNETES_MODELS = Map.of(
            "apps/v1 Deployment", json -> parse(V1Deployment::fromJson, json),
            "v1 Service", json -> parse(V1Service::fromJson, json),
            "v1 ConfigMap", json -> parse(V1ConfigMap::fromJson, json),
            "v1 Secret", json -> parse(V1Secret::fromJson, json),
            "autoscaling/v2 HorizontalPodAutoscaler", json -> parse(V2HorizontalPodAutoscaler::fromJson, json),
            "policy/v1 PodDisruptionBudget", json -> parse(V1PodDisruptionBudget::fromJson, json),
            "networking.k8s.io/v1 NetworkPolicy", json -> parse(V1NetworkPolicy::fromJson, json),
            "batch/v1 Job", json -> parse(V1Job::fromJson, json));

    /** The operators' kinds: Strimzi's are checked against its model below, the others field by field. */
    private static final Set<String> CUSTOM_KINDS = Set.of(
            "kafka.strimzi.io/v1 KafkaTopic",
            "kafka.strimzi.io/v1 KafkaUser",
            "postgresql.cnpg.io/v1 Cluster",
            "external-secrets.io/v1 ExternalSecret",
            "monitoring.coreos.com/v1 PodMonitor",
            "monitoring.coreos.com/v1 PrometheusRule");

    @Test
    void everyBuiltInObjectIsValidAgainstTheKubernetesOpenApiModel() {
        for (String overlay : Rendered.OVERLAYS) {
            for (Map<String, Object> object : Rendered.of(overlay).objects()) {
                String type = object.get("apiVersion") + " " + object.get("kind");
                if (CUSTOM_KINDS.contains(type)) {
                    continue;
                }
                assertThat(KUBERNETES_MODELS)
                        .as("%s renders %s, which has a model", overlay, type)
                        .containsKey(type);
                KUBERNETES_MODELS.get(type).apply(new Gson().toJson(object));
            }
        }
    }

    @Test
    void theKubernetesModelRejectsAnUnknownFieldAndAMissingRequiredOne() {
        Map<String, Object> deployment = copy(Rendered.of(Rendered.PROD).one("Deployment", "crowdrecon"));
        Map<String, Object> probe = path(container(deployment), "readinessProbe");
        probe.put("timeoutSecond", 3);
        assertThatThrownBy(() -> KUBERNETES_MODELS.get("apps/v1 Deployment").apply(new Gson().toJson(deployment)))
                .hasMessageContaining("timeoutSecond");

        Map<String, Object> job = copy(Rendered.of(Rendered.PROD_MIGRATE).one("Job", "crowdrecon-migrate"));
        container(job).remove("name");
        assertThatThrownBy(() -> KUBERNETES_MODELS.get("batch/v1 Job").apply(new Gson().toJson(job)))
                .hasMessageContaining("name");
    }

    @Test
    void everyKafkaTopicAndKafkaUserIsAStrictStrimziV1Object() {
        for (Environment environment : Environment.values()) {
            Rendered rendered = environment.service();
            for (Map<String, Object> topic : rendered.all("KafkaTopic")) {
                assertThat(strimziProblems(topic, KafkaTopic.class))
                        .as(describe(topic))
                        .isEmpty();
            }
            for (Map<String, Object> user : rendered.all("KafkaUser")) {
                assertThat(strimziProblems(user, KafkaUser.class))
                        .as(describe(user))
                        .isEmpty();
            }
            assertThat(rendered.all("KafkaTopic")).hasSize(12);
            assertThat(rendered.all("KafkaUser")).hasSize(2);
        }
    }

    @Test
    void theStrimziCheckRejectsAnUnknownFieldAndAFieldRemovedInV1() {
        Map<String, Object> topic = copy(Rendered.of(Rendered.PROD).one("KafkaTopic", "recon-moneyouts"));
        Map<String, Object> spec = path(topic, "spec");
        spec.put("partition", 6);
        assertThat(strimziProblems(topic, KafkaTopic.class))
                .singleElement()
                .asString()
                .contains("partition");

        Map<String, Object> user = copy(Rendered.of(Rendered.PROD).one("KafkaUser", "crowdrecon-feed-adapter"));
        Map<String, Object> rule = path(user, "spec", "authorization", "acls", 0);
        rule.remove("operations");
        rule.put("operation", "Write"); // kafka.strimzi.io/v1beta2's form
        assertThat(strimziProblems(user, KafkaUser.class))
                .singleElement()
                .asString()
                .contains("operation");
    }

    // ---------------------------------------------------------------- secrets

    @Test
    void rendersNoSecretAndNoSecretValue() {
        for (String overlay : Rendered.OVERLAYS) {
            Rendered rendered = Rendered.of(overlay);
            assertThat(rendered.all("Secret")).as(overlay).isEmpty();
            assertThat(rendered.text()).as(overlay).doesNotContainIgnoringCase("change-me");
            for (Map<String, Object> workload : workloads(rendered)) {
                List<Map<String, Object>> env = path(container(workload), "env");
                for (Map<String, Object> variable : env) {
                    String name = (String) variable.get("name");
                    if (name.matches(".*(PASSWORD|_KEY|JAAS|SECRET).*")) {
                        assertThat(variable).as("%s in %s", name, overlay).doesNotContainKey("value");
                        assertThat((Object) path(variable, "valueFrom", "secretKeyRef"))
                                .as("%s in %s", name, overlay)
                                .isNotNull();
                    }
                }
            }
            for (Map<String, Object> external : rendered.all("ExternalSecret")) {
                Map<String, Object> template = path(external, "spec", "target", "template", "data");
                if (template != null) {
                    template.forEach((key, value) -> assertThat(key.equals("username") || isTemplate(value))
                            .as("%s's %s is read from the vault", describe(external), key)
                            .isTrue());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void readsTheOpsKeyAndTheRuntimeRolesPasswordFromTheVault(Environment environment) {
        Rendered rendered = environment.service();
        Map<String, Object> ops = rendered.one("ExternalSecret", "crowdrecon");
        assertExternalSecret(ops, "crowdrecon");
        assertThat((Object) path(ops, "spec", "target", "template")).isNull();
        assertThat((List<Object>) path(ops, "spec", "data"))
                .containsExactly(
                        Map.of("secretKey", "RECON_OPS_API_KEY", "remoteRef", Map.of("key", "crowdrecon/ops-api-key")));

        Map<String, Object> runtime = rendered.one("ExternalSecret", "crowdrecon-db-runtime");
        assertExternalSecret(runtime, "crowdrecon-db-runtime");
        Map<String, Object> template = path(runtime, "spec", "target", "template");
        assertThat(template.get("type")).isEqualTo("kubernetes.io/basic-auth");
        assertThat((Map<String, Object>) path(template, "data")).containsOnlyKeys("username", "password");
        assertThat((Object) path(template, "metadata", "labels", "cnpg.io/reload"))
                .as("CloudNativePG picks a new password up")
                .isEqualTo("true");

        Map<String, String> env = rendered.environment(rendered.one("Deployment", "crowdrecon"));
        assertThat(env.get("RECON_OPS_API_KEY")).isEqualTo(secret("crowdrecon", "RECON_OPS_API_KEY"));
    }

    private static void assertExternalSecret(Map<String, Object> external, String target) {
        assertThat((Object) path(external, "apiVersion")).isEqualTo("external-secrets.io/v1");
        assertThat((Object) path(external, "spec", "refreshInterval")).isEqualTo("1h");
        assertThat((Object) path(external, "spec", "secretStoreRef"))
                .isEqualTo(Map.of("kind", "ClusterSecretStore", "name", "crowdrecon-vault"));
        assertThat((Object) path(external, "spec", "target", "name")).isEqualTo(target);
        assertThat((Object) path(external, "spec", "target", "creationPolicy")).isEqualTo("Owner");
    }

    // ---------------------------------------------------------------- PostgreSQL

    @ParameterizedTest
    @EnumSource(Environment.class)
    void runsPostgreSqlWithCloudNativePgAndADmlOnlyRuntimeRole(Environment environment) {
        Rendered rendered = environment.service();
        Map<String, Object> cluster = postgres(rendered);
        assertThat((Object) path(cluster, "spec", "instances")).isEqualTo(environment.postgresInstances);
        assertThat((Object) path(cluster, "spec", "bootstrap", "initdb"))
                .isEqualTo(Map.of("database", "crowdrecon", "owner", "crowdrecon"));

        List<Map<String, Object>> roles = path(cluster, "spec", "managed", "roles");
        assertThat(roles).hasSize(1);
        Map<String, Object> runtime = roles.get(0);
        assertThat(runtime)
                .containsEntry("name", "crowdrecon_runtime")
                .containsEntry("login", true)
                .containsEntry("superuser", false)
                .containsEntry("createdb", false)
                .containsEntry("createrole", false)
                .containsEntry("passwordSecret", Map.of("name", "crowdrecon-db-runtime"));
        // The password Secret's username is the role's name, fixed where the Secret is made.
        assertThat((Object) path(
                        rendered.one("ExternalSecret", "crowdrecon-db-runtime"),
                        "spec",
                        "target",
                        "template",
                        "data",
                        "username"))
                .isEqualTo(runtime.get("name"));

        // What a first install applies before the migration (-l app.kubernetes.io/component=database).
        assertThat(rendered.objects())
                .filteredOn(
                        object -> "database".equals(path(object, "metadata", "labels", "app.kubernetes.io/component")))
                .extracting(RenderedManifestsTests::describe)
                .containsExactlyInAnyOrder("Cluster crowdrecon-db", "ExternalSecret crowdrecon-db-runtime");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theServiceConnectsAsTheRuntimeRoleOverVerifiedTlsAndNeverMigrates(Environment environment) {
        Rendered rendered = environment.service();
        Map<String, Object> deployment = rendered.one("Deployment", "crowdrecon");
        Binder spring = rendered.binder(deployment);
        String cluster = (String) path(postgres(rendered), "metadata", "name");

        ConnectionFactoryOptions r2dbc = ConnectionFactoryOptions.parse(
                spring.bind("spring.r2dbc.url", String.class).get());
        assertThat(r2dbc.getValue(ConnectionFactoryOptions.HOST)).isEqualTo(cluster + "-rw");
        assertThat(r2dbc.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("crowdrecon");
        Object sslMode = r2dbc.getValue(Option.valueOf("sslMode"));
        assertThat(sslMode).as("sslMode of %s", r2dbc).isNotNull();
        assertThat(SSLMode.fromValue((String) sslMode)).isEqualTo(SSLMode.VERIFY_FULL);
        String rootCert = (String) r2dbc.getValue(Option.valueOf("sslRootCert"));
        assertThat(secretFile(deployment, rootCert)).isEqualTo(cluster + "-ca/ca.crt");

        assertThat(spring.bind("spring.r2dbc.username", String.class).get())
                .isEqualTo(secret("crowdrecon-db-runtime", "username"));
        assertThat(spring.bind("spring.r2dbc.password", String.class).get())
                .isEqualTo(secret("crowdrecon-db-runtime", "password"));
        assertThat(spring.bind("spring.flyway.enabled", Boolean.class).get()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void aJobMigratesTheSchemaAsItsOwnerBeforeTheRollout(Environment environment) {
        Rendered migration = environment.migration();
        assertThat(migration.objects())
                .extracting(object -> object.get("kind") + " " + path(object, "metadata", "name"))
                .containsExactlyInAnyOrder("Job crowdrecon-migrate", "NetworkPolicy crowdrecon-migrate");
        Map<String, Object> job = migration.one("Job", "crowdrecon-migrate");
        Map<String, Object> deployment = environment.service().one("Deployment", "crowdrecon");
        Map<String, Object> cluster = postgres(environment.service());
        String clusterName = (String) path(cluster, "metadata", "name");

        assertThat((Object) path(job, "metadata", "namespace")).isEqualTo(environment.namespace);
        assertThat((Object) path(job, "metadata", "annotations"))
                .isEqualTo(Map.of(
                        "argocd.argoproj.io/hook", "PreSync",
                        "argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation"));
        assertThat((Object) path(job, "spec", "backoffLimit")).isEqualTo(3);
        assertThat((Integer) path(job, "spec", "ttlSecondsAfterFinished")).isPositive();
        assertThat((Object) path(container(job), "image")).isEqualTo(path(container(deployment), "image"));
        assertThat((Object) path(container(job), "args")).isEqualTo(List.of("migrate"));
        assertThat((Object) path(container(job), "command"))
                .as("the image's entrypoint")
                .isNull();
        assertThat((Object) path(podSpec(job), "securityContext"))
                .isEqualTo(path(podSpec(deployment), "securityContext"));
        assertThat((Object) path(container(job), "securityContext"))
                .isEqualTo(path(container(deployment), "securityContext"));

        Binder spring = migration.binder(job);
        Properties jdbc = org.postgresql.Driver.parseURL(
                spring.bind("spring.flyway.url", String.class).get(), null);
        assertThat(jdbc).isNotNull();
        assertThat(jdbc.getProperty("PGHOST")).isEqualTo(clusterName + "-rw");
        assertThat(jdbc.getProperty("PGDBNAME")).isEqualTo("crowdrecon");
        assertThat(jdbc.getProperty("sslmode")).isEqualTo("verify-full");
        assertThat(secretFile(job, jdbc.getProperty("sslrootcert"))).isEqualTo(clusterName + "-ca/ca.crt");
        // CloudNativePG's Secret of the database's owner (bootstrap.initdb.owner).
        assertThat(spring.bind("spring.flyway.user", String.class).get())
                .isEqualTo(secret(clusterName + "-app", "username"));
        assertThat(spring.bind("spring.flyway.password", String.class).get())
                .isEqualTo(secret(clusterName + "-app", "password"));
        assertThat(migration.environment(job).get("RECON_DATABASE_RUNTIME_ROLE"))
                .isEqualTo(path(cluster, "spec", "managed", "roles", 0, "name"));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void postgreSqlHoldsEveryConnectionAtTheHpasMaximumPlusASurgePod(Environment environment) {
        Rendered rendered = environment.service();
        Map<String, Object> deployment = rendered.one("Deployment", "crowdrecon");
        int maxReplicas = path(rendered.one("HorizontalPodAutoscaler", "crowdrecon"), "spec", "maxReplicas");
        int surge = surge(path(deployment, "spec", "strategy", "rollingUpdate", "maxSurge"), maxReplicas);
        int pool = rendered.binder(deployment)
                .bind("spring.r2dbc.pool.max-size", Integer.class)
                .get();
        int migration = 2;
        int reserve = 10; // CloudNativePG's own connections and the superuser's
        int maxConnections =
                Integer.parseInt(path(postgres(rendered), "spec", "postgresql", "parameters", "max_connections"));

        assertThat((maxReplicas + surge) * pool + migration + reserve).isLessThanOrEqualTo(maxConnections);
        assertThat(pool).isEqualTo(20);
    }

    private static int surge(Object maxSurge, int replicas) {
        if (maxSurge instanceof Integer pods) {
            return pods;
        }
        String percent = ((String) maxSurge).replace("%", "");
        return (int) Math.ceil(replicas * Integer.parseInt(percent) / 100.0);
    }

    // ---------------------------------------------------------------- Kafka

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyKafkaClientOfTheServiceUsesTlsAndScramAsItsOwnUser(Environment environment) {
        Rendered rendered = environment.service();
        Map<String, Object> deployment = rendered.one("Deployment", "crowdrecon");
        KafkaProperties kafka = rendered.binder(deployment)
                .bind("spring.kafka", KafkaProperties.class)
                .get();
        Map<String, Map<String, Object>> clients = Map.of(
                "consumer", kafka.buildConsumerProperties(),
                "producer", kafka.buildProducerProperties(),
                "admin", kafka.buildAdminProperties());
        clients.forEach((client, properties) -> {
            assertThat(properties)
                    .as(client)
                    .containsEntry(
                            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                            List.of("crowdrecon-kafka-bootstrap." + KAFKA_NAMESPACE + ":9093"))
                    .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                    .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                    .containsEntry(SaslConfigs.SASL_JAAS_CONFIG, secret("crowdrecon-service", "sasl.jaas.config"))
                    .containsEntry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM")
                    .containsEntry(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, KAFKA_CA);
        });
        assertThat(secretFile(deployment, KAFKA_CA)).isEqualTo("crowdrecon-cluster-ca-cert/ca.crt");
        // The Secret Strimzi writes for the KafkaUser of that name.
        assertThat(rendered.all("KafkaUser"))
                .extracting(user -> path(user, "metadata", "name"))
                .contains("crowdrecon-service");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void strimziIsTheOnlyOwnerOfTheTopicsAndThereIsNoStaticMembership(Environment environment) {
        Rendered rendered = environment.service();
        Map<String, Object> deployment = rendered.one("Deployment", "crowdrecon");
        assertThat(rendered.binder(deployment)
                        .bind("spring.kafka.admin.auto-create", Boolean.class)
                        .get())
                .isFalse();
        assertThat(rendered.environment(deployment))
                .doesNotContainKeys("RECON_KAFKA_REPLICATION_FACTOR", "RECON_KAFKA_GROUP_INSTANCE_ID");
        assertThat(rendered.text()).doesNotContain("RECON_KAFKA_GROUP_INSTANCE_ID", "REPLICATION_FACTOR");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void topicsAreStrimziV1ObjectsOfTheKafkaClusterReplicatedForTheEnvironment(Environment environment) {
        for (Map<String, Object> topic : environment.service().all("KafkaTopic")) {
            assertStrimziObjectOfTheCluster(topic);
            assertThat((Object) path(topic, "spec", "replicas"))
                    .as(describe(topic))
                    .isEqualTo(environment.topicReplicas);
            assertThat((Object) path(topic, "spec", "config", "min.insync.replicas"))
                    .as(describe(topic))
                    .isEqualTo(String.valueOf(environment.minInSyncReplicas));
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theServiceAndTheFeedAdapterMayUseOnlyTheirTopics(Environment environment) {
        Map<String, Set<String>> service = new TreeMap<>();
        Topics.INBOUND.forEach(topic -> service.put("topic " + topic, Set.of("Read", "Describe")));
        service.put("topic " + Topics.CARD_NOTIFICATIONS, Set.of("Read", "Write", "Describe"));
        Topics.OUTBOUND.forEach(topic -> service.put("topic " + topic, Set.of("Write", "Describe")));
        Topics.INBOUND.forEach(topic -> service.put("topic " + Topics.dlq(topic), Set.of("Write", "Describe")));
        service.put("group crowdrecon", Set.of("Read", "Describe"));
        Map<String, Set<String>> feedAdapter = new TreeMap<>();
        Topics.INBOUND.forEach(topic -> feedAdapter.put("topic " + topic, Set.of("Write", "Describe")));

        Rendered rendered = environment.service();
        assertThat(grants(rendered.one("KafkaUser", "crowdrecon-service"))).isEqualTo(service);
        assertThat(grants(rendered.one("KafkaUser", "crowdrecon-feed-adapter"))).isEqualTo(feedAdapter);
    }

    /** resource → operations allowed on it, each user authenticated with SCRAM and authorized by simple ACLs. */
    private static Map<String, Set<String>> grants(Map<String, Object> user) {
        assertStrimziObjectOfTheCluster(user);
        assertThat((Object) path(user, "spec", "authentication")).isEqualTo(Map.of("type", "scram-sha-512"));
        assertThat((Object) path(user, "spec", "authorization", "type")).isEqualTo("simple");
        Map<String, Set<String>> grants = new TreeMap<>();
        List<Map<String, Object>> acls = path(user, "spec", "authorization", "acls");
        for (Map<String, Object> acl : acls) {
            assertThat(acl.getOrDefault("type", "allow"))
                    .as("%s: %s", describe(user), acl)
                    .isEqualTo("allow");
            assertThat((Object) path(acl, "resource", "patternType"))
                    .as("%s: %s", describe(user), acl)
                    .isEqualTo("literal");
            @SuppressWarnings("unchecked")
            List<String> operations = (List<String>) acl.get("operations");
            grants.computeIfAbsent(
                            path(acl, "resource", "type") + " " + path(acl, "resource", "name"), key -> new TreeSet<>())
                    .addAll(operations);
        }
        return grants;
    }

    private static void assertStrimziObjectOfTheCluster(Map<String, Object> object) {
        assertThat(object.get("apiVersion")).as(describe(object)).isEqualTo(STRIMZI_V1);
        assertThat((Object) path(object, "metadata", "namespace"))
                .as(describe(object))
                .isEqualTo(KAFKA_NAMESPACE);
        assertThat((Object) path(object, "metadata", "labels", "strimzi.io/cluster"))
                .as(describe(object))
                .isEqualTo("crowdrecon");
    }

    // ---------------------------------------------------------------- network

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theServiceTakesTrafficOnlyFromNamedPeersAndReachesOnlyDnsPostgreSqlKafkaAndPublicHttps(
            Environment environment) {
        Rendered rendered = environment.service();
        Map<String, Object> deployment = rendered.one("Deployment", "crowdrecon");
        Map<String, Object> policy = rendered.one("NetworkPolicy", "crowdrecon");
        assertSelectsThePodsOf(policy, deployment);
        Map<String, Integer> ports = containerPorts(deployment);

        assertThat(reach(policy, "ingress", "from"))
                .isEqualTo(Map.of(
                        ports.get("http") + "/TCP",
                        Set.of("namespace ingress-nginx", "pod crowdrecon.io/api-client=true"),
                        ports.get("management") + "/TCP",
                        Set.of("namespace monitoring")));
        assertThat(reach(policy, "egress", "to"))
                .isEqualTo(Map.of(
                        "53/UDP",
                        Set.of("namespace kube-system, pod k8s-app=kube-dns"),
                        "53/TCP",
                        Set.of("namespace kube-system, pod k8s-app=kube-dns"),
                        "5432/TCP",
                        Set.of("pod cnpg.io/cluster=crowdrecon-db"),
                        "9093/TCP",
                        Set.of("namespace kafka, pod strimzi.io/cluster=crowdrecon"),
                        // webhooks: HTTPS to public addresses only
                        "443/TCP",
                        Set.of(
                                "ipBlock 0.0.0.0/0 except [0.0.0.0/8, 10.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8,"
                                        + " 169.254.0.0/16, 172.16.0.0/12, 192.168.0.0/16]",
                                "ipBlock ::/0 except [::1/128, fc00::/7, fe80::/10]")));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theMigrationTakesNoTrafficAndReachesOnlyDnsAndPostgreSql(Environment environment) {
        Rendered migration = environment.migration();
        Map<String, Object> policy = migration.one("NetworkPolicy", "crowdrecon-migrate");
        assertSelectsThePodsOf(policy, migration.one("Job", "crowdrecon-migrate"));
        assertThat((Object) path(policy, "spec", "ingress")).isNull();
        assertThat(reach(policy, "egress", "to"))
                .isEqualTo(Map.of(
                        "53/UDP", Set.of("namespace kube-system, pod k8s-app=kube-dns"),
                        "53/TCP", Set.of("namespace kube-system, pod k8s-app=kube-dns"),
                        "5432/TCP", Set.of("pod cnpg.io/cluster=crowdrecon-db")));
    }

    private static void assertSelectsThePodsOf(Map<String, Object> policy, Map<String, Object> workload) {
        assertThat((Object) path(policy, "spec", "policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
        Map<String, String> selector = path(policy, "spec", "podSelector", "matchLabels");
        Map<String, String> labels = path(workload, "spec", "template", "metadata", "labels");
        assertThat(labels).as("%s selects the pods", describe(policy)).containsAllEntriesOf(selector);
        assertThat(selector).containsKey("app.kubernetes.io/component");
    }

    /**
     * "port/protocol" → the peers allowed on it, each rule naming its peers (an empty selector, or a rule without
     * peers, would open it to everyone).
     */
    private static Map<String, Set<String>> reach(Map<String, Object> policy, String direction, String peers) {
        Map<String, Set<String>> reach = new HashMap<>();
        List<Map<String, Object>> rules = path(policy, "spec", direction);
        for (Map<String, Object> rule : rules) {
            List<Map<String, Object>> rulePeers = path(rule, peers);
            List<Map<String, Object>> rulePorts = path(rule, "ports");
            assertThat(rulePeers)
                    .as("%s %s rule %s names its peers", describe(policy), direction, rule)
                    .isNotEmpty();
            assertThat(rulePorts)
                    .as("%s %s rule %s names its ports", describe(policy), direction, rule)
                    .isNotEmpty();
            for (Map<String, Object> port : rulePorts) {
                for (Map<String, Object> peer : rulePeers) {
                    reach.computeIfAbsent(port.get("port") + "/" + port.get("protocol"), key -> new TreeSet<>())
                            .add(peer(peer));
                }
            }
        }
        return reach;
    }

    /**
     * "namespace monitoring", "pod k8s-app=kube-dns", or both: every label each selector matches; or "ipBlock CIDR
     * except [...]", which only the webhooks' rule may use.
     */
    private static String peer(Map<String, Object> peer) {
        if (peer.containsKey("ipBlock")) {
            assertThat(peer.keySet()).as("an ipBlock peer stands alone").containsOnly("ipBlock");
            Map<String, Object> block = path(peer, "ipBlock");
            return "ipBlock " + block.get("cidr") + " except " + block.get("except");
        }
        assertThat(peer.keySet())
                .as("a peer named by selectors")
                .isNotEmpty()
                .isSubsetOf("namespaceSelector", "podSelector");
        List<String> parts = new ArrayList<>();
        for (String selector : List.of("namespaceSelector", "podSelector")) {
            if (!peer.containsKey(selector)) {
                continue;
            }
            Map<String, Object> labelSelector = path(peer, selector);
            assertThat(labelSelector).as("%s matches labels only", selector).containsOnlyKeys("matchLabels");
            Map<String, String> matchLabels = path(labelSelector, "matchLabels");
            Map<String, String> labels = new TreeMap<>(matchLabels);
            assertThat(labels).as("an empty %s matches everything", selector).isNotEmpty();
            String kind = selector.equals("namespaceSelector") ? "namespace " : "pod ";
            parts.add(kind
                    + (labels.size() == 1 && labels.containsKey("kubernetes.io/metadata.name")
                            ? labels.get("kubernetes.io/metadata.name")
                            : labels.entrySet().stream()
                                    .map(label -> label.getKey() + "=" + label.getValue())
                                    .collect(Collectors.joining(","))));
        }
        return String.join(", ", parts);
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> workload) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<Map<String, Object>> declared = path(container(workload), "ports");
        declared.forEach(port -> ports.put((String) port.get("name"), (Integer) port.get("containerPort")));
        return ports;
    }

    // ---------------------------------------------------------------- monitoring

    @ParameterizedTest
    @EnumSource(Environment.class)
    void aPodMonitorScrapesTheActuatorOnTheManagementPort(Environment environment) throws IOException {
        Rendered rendered = environment.service();
        Map<String, Object> deployment = rendered.one("Deployment", "crowdrecon");
        Map<String, Integer> ports = containerPorts(deployment);
        assertThat(ports).containsOnlyKeys("http", "management");
        assertThat(ports.get("management"))
                .isEqualTo(rendered.binder(deployment)
                        .bind("management.server.port", Integer.class)
                        .get());
        assertThat(ports.get("http")).isNotEqualTo(ports.get("management"));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat((Object) path(container(deployment), probe, "httpGet", "port"))
                    .as(probe)
                    .isEqualTo("management");
        }
        Map<String, String> annotations = path(deployment, "spec", "template", "metadata", "annotations");
        assertThat(annotations == null ? Map.of() : annotations)
                .as("the Prometheus Operator ignores prometheus.io/* annotations")
                .isEmpty();

        Map<String, Object> monitor = rendered.one("PodMonitor", "crowdrecon");
        Map<String, String> selector = path(monitor, "spec", "selector", "matchLabels");
        Map<String, String> labels = path(deployment, "spec", "template", "metadata", "labels");
        assertThat(labels).containsAllEntriesOf(selector);
        assertThat((Object) path(monitor, "spec", "podMetricsEndpoints"))
                .isEqualTo(List.of(Map.of("port", "management", "path", "/actuator/prometheus", "interval", "15s")));

        // The operator names the job <namespace>/<PodMonitor>; the rules and the dashboard select it by that.
        String job = path(monitor, "metadata", "namespace") + "/" + path(monitor, "metadata", "name");
        String selectors = Files.readString(Path.of("k8s/monitoring/alerts.yaml"), StandardCharsets.UTF_8)
                + Files.readString(Path.of("k8s/monitoring/crowdrecon-dashboard.json"), StandardCharsets.UTF_8);
        Matcher jobs = Pattern.compile("job=~\\\\?\"([^\"$\\\\]+)\\\\?\"").matcher(selectors);
        int found = 0;
        while (jobs.find()) {
            assertThat(job).as("job=~\"%s\"", jobs.group(1)).matches(jobs.group(1));
            found++;
        }
        assertThat(found).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void rendersTheAlertRulesAndTheDashboardForGrafana(Environment environment) throws IOException {
        Rendered rendered = environment.service();
        Map<String, Object> alerts = new Yaml().load(Files.readString(Path.of("k8s/monitoring/alerts.yaml")));
        assertThat((Object) path(rendered.one("PrometheusRule", "crowdrecon"), "spec"))
                .isEqualTo(alerts.get("spec"));

        Map<String, Object> dashboard = rendered.one("ConfigMap", "crowdrecon-dashboard");
        assertThat((Object) path(dashboard, "metadata", "labels", "grafana_dashboard"))
                .isEqualTo("1");
        assertThat((Object) path(dashboard, "data", "crowdrecon-dashboard.json"))
                .isEqualTo(Files.readString(Path.of("k8s/monitoring/crowdrecon-dashboard.json")));

        Map<String, Object> kustomization =
                new Yaml().load(Files.readString(Path.of("k8s/monitoring/kustomization.yaml")));
        assertThat((Object) kustomization.get("resources")).isEqualTo(List.of("alerts.yaml", "podmonitor.yaml"));
        assertThat(rendered.objects()).allSatisfy(object -> assertThat(object).containsKeys("apiVersion", "kind"));
    }

    // ---------------------------------------------------------------- sizing

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theJvmFitsItsPodAndSizesItsPoolsToTheCpuRequest(Environment environment) {
        Map<String, Object> deployment = environment.service().one("Deployment", "crowdrecon");
        Map<String, Object> container = container(deployment);
        String options = environment.service().environment(deployment).get("JAVA_TOOL_OPTIONS");
        Map<String, String> flags = flags(options);
        assertThat(flags)
                .containsKeys(
                        "-XX:+UseG1GC",
                        "-Xmx",
                        "-XX:MaxDirectMemorySize",
                        "-XX:MaxMetaspaceSize",
                        "-XX:ReservedCodeCacheSize",
                        "-Xss",
                        "-XX:ActiveProcessorCount",
                        "-XX:+ExitOnOutOfMemoryError")
                .doesNotContainKeys("-XX:MaxRAMPercentage", "-XX:+UseSerialGC");
        assertThat(flags.get("-Xss")).isEqualTo("512k");

        BigDecimal threads = BigDecimal.valueOf(300).multiply(bytes(flags.get("-Xss")));
        BigDecimal used = bytes(flags.get("-Xmx"))
                .add(bytes(flags.get("-XX:MaxDirectMemorySize")))
                .add(bytes(flags.get("-XX:MaxMetaspaceSize")))
                .add(bytes(flags.get("-XX:ReservedCodeCacheSize")))
                .add(threads);
        BigDecimal withMargin = used.multiply(new BigDecimal("1.10"));
        BigDecimal limit = quantity(path(container, "resources", "limits", "memory"));
        assertThat(withMargin).as("%s + 10 %% <= the memory limit", options).isLessThanOrEqualTo(limit);
        assertThat(quantity(path(container, "resources", "requests", "memory"))).isEqualByComparingTo(limit);

        assertThat((Object) path(container, "resources", "limits", "cpu"))
                .as("no CPU limit: throttling")
                .isNull();
        BigDecimal cpu = quantity(path(container, "resources", "requests", "cpu"));
        assertThat(new BigDecimal(flags.get("-XX:ActiveProcessorCount"))).isEqualByComparingTo(cpu);
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void probesWaitLongEnoughAndTheGracePeriodCoversTheShutdown(Environment environment) {
        Rendered rendered = environment.service();
        Map<String, Object> deployment = rendered.one("Deployment", "crowdrecon");
        Map<String, Object> container = container(deployment);
        assertThat((Object) path(container, "startupProbe", "timeoutSeconds")).isEqualTo(3);
        assertThat((Object) path(container, "readinessProbe", "timeoutSeconds")).isEqualTo(3);
        assertThat((Object) path(container, "livenessProbe", "timeoutSeconds")).isEqualTo(5);

        int preStop = path(container, "lifecycle", "preStop", "sleep", "seconds");
        Duration phase = rendered.binder(deployment)
                .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
                .get();
        int grace = path(podSpec(deployment), "terminationGracePeriodSeconds");
        assertThat(preStop).isEqualTo(5);
        assertThat(phase).isEqualTo(Duration.ofSeconds(20));
        assertThat(grace).isEqualTo(75).isGreaterThan(preStop + (int) phase.toSeconds());
    }

    /** -Xmx768m → {-Xmx: 768m}, -XX:MaxDirectMemorySize=256m → {...: 256m}, -XX:+UseG1GC → {-XX:+UseG1GC: ""}. */
    private static Map<String, String> flags(String options) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String option : options.trim().split("\\s+")) {
            Matcher size = Pattern.compile("(-Xm[xs]|-Xss)(\\d+[kmg])").matcher(option);
            if (size.matches()) {
                flags.put(size.group(1), size.group(2));
            } else if (option.contains("=")) {
                flags.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
            } else {
                flags.put(option, "");
            }
        }
        return flags;
    }

    private static BigDecimal bytes(String size) {
        long unit =
                switch (size.charAt(size.length() - 1)) {
                    case 'k' -> 1L << 10;
                    case 'm' -> 1L << 20;
                    case 'g' -> 1L << 30;
                    default -> throw new IllegalArgumentException(size);
                };
        return BigDecimal.valueOf(Long.parseLong(size.substring(0, size.length() - 1)) * unit);
    }

    private static BigDecimal quantity(Object value) {
        return new Quantity(String.valueOf(value)).getNumber();
    }

    // ---------------------------------------------------------------- rollouts

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theAutoscalerOwnsTheReplicasAndEvictionsGoOneAtATime(Environment environment) {
        Rendered rendered = environment.service();
        Map<String, Object> deployment = rendered.one("Deployment", "crowdrecon");
        assertThat((Map<String, Object>) path(deployment, "spec")).doesNotContainKey("replicas");
        Map<String, Object> hpa = rendered.one("HorizontalPodAutoscaler", "crowdrecon");
        assertThat((Object) path(hpa, "spec", "minReplicas")).isEqualTo(environment.minReplicas);
        assertThat((Object) path(hpa, "spec", "maxReplicas")).isEqualTo(environment.maxReplicas);
        assertThat((Object) path(hpa, "spec", "scaleTargetRef", "name")).isEqualTo("crowdrecon");

        Map<String, Object> pdb = rendered.one("PodDisruptionBudget", "crowdrecon");
        assertThat((Map<String, Object>) path(pdb, "spec"))
                .containsEntry("maxUnavailable", 1)
                .containsEntry("unhealthyPodEvictionPolicy", "AlwaysAllow")
                .doesNotContainKey("minAvailable");
        assertThat((Object) path(pdb, "spec", "selector")).isEqualTo(path(deployment, "spec", "selector"));
        assertThat((Object) path(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"))
                .isEqualTo(0);
    }

    @Test
    void productionSpreadsItsPodsOverZonesThenNodes() {
        Map<String, Object> deployment = Rendered.of(Rendered.PROD).one("Deployment", "crowdrecon");
        Map<String, String> labels = path(deployment, "spec", "template", "metadata", "labels");
        List<Map<String, Object>> spread = path(podSpec(deployment), "topologySpreadConstraints");
        assertThat(spread)
                .extracting(constraint -> constraint.get("topologyKey"))
                .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        for (Map<String, Object> constraint : spread) {
            assertThat(constraint).containsEntry("maxSkew", 1).containsEntry("whenUnsatisfiable", "ScheduleAnyway");
            Map<String, String> selector = path(constraint, "labelSelector", "matchLabels");
            assertThat(labels).containsAllEntriesOf(selector);
            assertThat(selector).containsKeys("app.kubernetes.io/name", "app.kubernetes.io/component");
        }
    }

    @Test
    void eachEnvironmentRunsAVersionedImageAndProductionItsRegistrys() {
        String prod = path(container(Rendered.of(Rendered.PROD).one("Deployment", "crowdrecon")), "image");
        String dev = path(container(Rendered.of(Rendered.DEV).one("Deployment", "crowdrecon")), "image");
        assertThat(prod).startsWith("registry.example.com/crowdrecon").matches(".+(:[0-9][^:]*|@sha256:[0-9a-f]{64})");
        assertThat(dev).matches("[^:]+:[0-9][^:]*").doesNotEndWith(":latest");
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> postgres(Rendered rendered) {
        List<Map<String, Object>> clusters = rendered.all("Cluster");
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
        return clusters.get(0);
    }

    private static List<Map<String, Object>> workloads(Rendered rendered) {
        List<Map<String, Object>> workloads = new ArrayList<>(rendered.all("Deployment"));
        workloads.addAll(rendered.all("Job"));
        assertThat(workloads).isNotEmpty();
        return workloads;
    }

    private static boolean isTemplate(Object value) {
        return value instanceof String text && text.matches("\\{\\{\\s*\\.[a-zA-Z]+\\s*}}");
    }

    private static String describe(Map<String, Object> object) {
        return object.get("kind") + " " + path(object, "metadata", "name");
    }

    private static Map<String, Object> copy(Map<String, Object> object) {
        return new Yaml().load(new Yaml().dump(object));
    }

    private interface Parser {
        Object parse(String json) throws IOException;
    }

    private static Object parse(Parser parser, String json) {
        try {
            return parser.parse(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Reads the object with Strimzi's own model (Jackson 2, as Strimzi reads it) and lists what the model does not
     * know: properties it kept aside as unknown, and properties deprecated in it (gone from kafka.strimzi.io/v1).
     */
    private static List<String> strimziProblems(Map<String, Object> object, Class<?> model) {
        Object read;
        try {
            read = new ObjectMapper().readValue(new Gson().toJson(object), model);
        } catch (IOException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        strict(read, describe(object), problems);
        return problems;
    }

    private static void strict(Object bean, String where, List<String> problems) {
        if (bean == null || bean instanceof Enum<?> || bean instanceof Map<?, ?>) {
            return; // a Map is free-form by design (a topic's config, labels)
        }
        if (bean instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                strict(item, where + "[" + index++ + "]", problems);
            }
            return;
        }
        String owner = bean.getClass().getPackageName();
        if (!owner.startsWith("io.strimzi.") && !owner.startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : bean.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || getter.isBridge()
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, bean);
            String property =
                    where + "." + Character.toLowerCase(getter.getName().charAt(3))
                            + getter.getName().substring(4);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(where + ": unknown " + unknown.keySet());
                }
            } else if (getter.isAnnotationPresent(Deprecated.class) && value != null) {
                problems.add(property + ": deprecated, not in " + STRIMZI_V1);
            } else {
                strict(value, property, problems);
            }
        }
    }

    private static Object invoke(Method getter, Object bean) {
        try {
            return getter.invoke(bean);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null; // a computed property that does not apply to this object
        }
    }
}
