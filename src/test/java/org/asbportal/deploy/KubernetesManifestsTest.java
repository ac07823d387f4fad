package org.asbportal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests ({@code k8s/}): both overlays, as {@code kubectl kustomize} renders them,
 * read as the Kubernetes API's own types, and hold what production readiness asks of them: hardened,
 * probed, resource-bounded containers on pinned images; placeholders only in the Secret; a migration
 * Job with the replicas' migration off; enough grace for the portal's graceful shutdown; every
 * setting of the portal listed with its default. Plain JUnit: nothing starts. Skipped without kubectl.
 */
class KubernetesManifestsTest {

    private static final String PORTAL = "asb-portal";
    private static final String SECRET = "asb-portal-secrets";
    private static final Set<String> PLACEHOLDERS = Set.of("change-me", "");
    /** Settings the base sets for a deployment rather than leaving at the portal's default. */
    private static final Set<String> SET_FOR_DEPLOYMENT = Set.of("ASB_SITE_BASE_URL");
    /** Settings that are secrets, so in the Secret rather than the ConfigMap. */
    private static final Set<String> SECRET_SETTINGS = Set.of("ASB_SECRET", "ASB_PREVIOUS_SECRET", "ASB_ADMIN_PASSWORD",
            "ASB_RECAPTCHA_SECRET");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectReadsAsItsApiTypeWithNoUnknownField(String overlay) throws Exception {
        Manifests manifests = Manifests.overlay(overlay);

        assertThat(manifests.all(Deployment.class)).extracting(d -> d.getMetadata().getName()).containsExactly(PORTAL);
        assertThat(manifests.all(Service.class)).isNotEmpty();
        assertThat(manifests.all(Ingress.class)).singleElement().satisfies(ingress -> {
            assertThat(ingress.getSpec().getTls()).as("TLS").singleElement()
                    .satisfies(tls -> assertThat(tls.getSecretName()).isNotBlank());
            assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly(ingress.getSpec().getRules().get(0).getHost());
        });
        assertThat(manifests.typed).allSatisfy(o -> assertThat(o.getMetadata().getNamespace())
                .as("%s %s has the overlay's namespace", o.getKind(), o.getMetadata().getName()).isNotBlank());
    }

    @Test
    void anUnknownFieldIsRefused() {
        String misspelt = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          readinessProbes: {}
                """;
        assertThatThrownBy(() -> Manifests.parse("sample", misspelt)).hasMessageContaining("readinessProbes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyContainerIsNonRootReadOnlyWithoutCapabilitiesAndBounded(String overlay) throws Exception {
        Manifests manifests = Manifests.overlay(overlay);
        Map<String, PodTemplateSpec> templates = manifests.podTemplates();
        assertThat(templates).isNotEmpty();
        templates.forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
            for (Container container : containers(pod)) {
                String what = workload + " container " + container.getName();
                SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
                assertThat(firstNonNull(security.getRunAsNonRoot(), podSecurity.getRunAsNonRoot())).as(what + " runAsNonRoot").isTrue();
                assertThat(security.getReadOnlyRootFilesystem()).as(what + " readOnlyRootFilesystem").isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(what + " allowPrivilegeEscalation").isFalse();
                assertThat(security.getCapabilities()).as(what + " capabilities").isNotNull();
                assertThat(security.getCapabilities().getDrop()).as(what + " capabilities dropped").contains("ALL");
                assertThat(security.getCapabilities().getAdd()).as(what + " capabilities added").isNullOrEmpty();
                var seccomp = firstNonNull(security.getSeccompProfile(), podSecurity.getSeccompProfile());
                assertThat(seccomp).as(what + " seccompProfile").isNotNull();
                assertThat(seccomp.getType()).as(what + " seccompProfile").isEqualTo("RuntimeDefault");

                assertThat(container.getResources()).as(what + " resources").isNotNull();
                assertThat(container.getResources().getRequests()).as(what + " requests").containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(what + " limits").containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits().get("memory"))
                        .as(what + " memory limit = request").isEqualTo(container.getResources().getRequests().get("memory"));

                assertThat(container.getImage()).as(what + " image pinned by a tag or digest")
                        .matches(".+(:[\\w][\\w.-]{0,127}|@sha256:[0-9a-f]{64})$")
                        .doesNotEndWith(":latest");
            }
            if (!workload.startsWith("Job")) {
                // A Job's container serves nothing while it migrates, and a probe would kill a long migration.
                for (Container container : pod.getContainers()) {
                    String what = workload + " container " + container.getName();
                    assertThat(container.getStartupProbe()).as(what + " startupProbe").isNotNull();
                    assertThat(container.getReadinessProbe()).as(what + " readinessProbe").isNotNull();
                    assertThat(container.getLivenessProbe()).as(what + " livenessProbe").isNotNull();
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void thePortalIsProbedOnItsHealthEndpointsAndSpreadOverNodes(String overlay) throws Exception {
        Manifests manifests = Manifests.overlay(overlay);
        Deployment deployment = manifests.get(Deployment.class, PORTAL);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container portal = pod.getContainers().get(0);

        assertThat(path(portal.getStartupProbe())).isEqualTo("/q/health/started");
        assertThat(path(portal.getReadinessProbe())).isEqualTo("/q/health/ready");
        assertThat(path(portal.getLivenessProbe())).isEqualTo("/q/health/live");
        assertThat(pod.getSecurityContext().getRunAsUser()).as("the image's user").isEqualTo(185L);
        assertThat(portal.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getTopologySpreadConstraints()).anySatisfy(spread -> {
            assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(spread.getLabelSelector().getMatchLabels());
        });
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();

        Service service = manifests.get(Service.class, PORTAL);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
    }

    /**
     * SIGTERM waits for the preStop pause, then the portal serves on for its shutdown delay and lets
     * requests finish for its shutdown timeout (application.properties, prod profile): the pod's
     * grace period must cover all three, or requests in flight are cut off.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theGracePeriodCoversThePreStopPauseAndTheGracefulShutdown(String overlay) throws Exception {
        Properties properties = applicationProperties();
        Duration delay = duration(properties.getProperty("%prod.quarkus.shutdown.delay"));
        Duration timeout = duration(properties.getProperty("%prod.quarkus.shutdown.timeout"));
        PodSpec pod = Manifests.overlay(overlay).get(Deployment.class, PORTAL).getSpec().getTemplate().getSpec();
        var preStop = pod.getContainers().get(0).getLifecycle().getPreStop();
        long pause = preStop.getSleep() != null ? preStop.getSleep().getSeconds()
                : Long.parseLong(preStop.getExec().getCommand().get(preStop.getExec().getCommand().size() - 1));

        assertThat(pause).as("preStop pause").isPositive();
        assertThat(pod.getTerminationGracePeriodSeconds())
                .as("terminationGracePeriodSeconds >= preStop %d s + shutdown delay %s + timeout %s", pause, delay, timeout)
                .isGreaterThanOrEqualTo(pause + delay.toSeconds() + timeout.toSeconds());
    }

    @Test
    void productionRunsThreeReplicasScaledToSixKeepsTwoThroughDisruptionsAndFencesItsNetwork() throws Exception {
        Manifests production = Manifests.overlay("production");
        Deployment deployment = production.get(Deployment.class, PORTAL);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);

        PodDisruptionBudget budget = production.get(PodDisruptionBudget.class, PORTAL);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(2);
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());

        HorizontalPodAutoscaler autoscaler = production.get(HorizontalPodAutoscaler.class, PORTAL);
        assertThat(autoscaler.getApiVersion()).isEqualTo("autoscaling/v2");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(PORTAL);
        assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(6);
        assertThat(autoscaler.getSpec().getMetrics()).extracting(MetricSpec::getType).containsExactly("Resource");
        assertThat(autoscaler.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");

        NetworkPolicy policy = production.get(NetworkPolicy.class, PORTAL);
        assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).singleElement().satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "ingress-nginx"));
            assertThat(rule.getPorts()).extracting(port -> port.getPort().getIntVal()).containsExactly(8080);
        });
        List<Integer> egressPorts = policy.getSpec().getEgress().stream()
                .flatMap(rule -> rule.getPorts().stream()).map(NetworkPolicyPort::getPort).map(port -> port.getIntVal()).toList();
        assertThat(egressPorts).containsExactlyInAnyOrder(3306, 53, 53, 587, 25, 443);
    }

    @Test
    void productionDatabaseIsAThreeNodeGaleraClusterReachedThroughItsPrimaryService() throws Exception {
        Manifests production = Manifests.overlay("production");
        Map<String, Object> mariadb = production.custom.stream()
                .filter(resource -> "MariaDB".equals(resource.get("kind"))).findFirst().orElseThrow();
        String name = (String) map(mariadb, "metadata").get("name");
        Map<String, Object> spec = map(mariadb, "spec");

        assertThat(spec.get("replicas")).isEqualTo(3);
        assertThat(map(spec, "galera").get("enabled")).isEqualTo(true);
        assertThat(map(spec, "storage").get("size")).isNotNull();
        assertThat(map(spec, "passwordSecretKeyRef").get("name")).isEqualTo(SECRET);
        assertThat(templateKeys()).contains((String) map(spec, "passwordSecretKeyRef").get("key"));
        Map<String, String> config = production.configMap("asb-portal-config").getData();
        assertThat(config.get("QUARKUS_DATASOURCE_JDBC_URL"))
                .isEqualTo("jdbc:mariadb://" + name + "-primary:3306/" + spec.get("database"));
        assertThat(config.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo(spec.get("username"));
    }

    @Test
    void devRunsOneReplicaAndOneMariaDbWithAVolume() throws Exception {
        Manifests dev = Manifests.overlay("dev");
        assertThat(dev.get(Deployment.class, PORTAL).getSpec().getReplicas()).isEqualTo(1);
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(dev.custom).isEmpty();

        StatefulSet database = dev.all(StatefulSet.class).stream().findFirst().orElseThrow();
        assertThat(database.getSpec().getReplicas()).isEqualTo(1);
        assertThat(database.getSpec().getVolumeClaimTemplates()).singleElement()
                .satisfies(claim -> assertThat(database.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
                        .anySatisfy(mount -> assertThat(mount.getName()).isEqualTo(claim.getMetadata().getName())));
        Service service = dev.get(Service.class, database.getSpec().getServiceName());
        assertThat(database.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(dev.configMap("asb-portal-config").getData().get("QUARKUS_DATASOURCE_JDBC_URL"))
                .startsWith("jdbc:mariadb://" + service.getMetadata().getName() + ":3306/");
    }

    /** One process migrates per release (the Job); the replicas never do, and check the schema instead. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void migrationsRunInAJobWhileTheReplicasStartWithMigrationOff(String overlay) throws Exception {
        Manifests manifests = Manifests.overlay(overlay);
        Deployment deployment = manifests.get(Deployment.class, PORTAL);
        Job job = manifests.get(Job.class, "asb-portal-migrate");
        Container server = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Container migrate = job.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(migrate.getImage()).as("the same image as the replicas").isEqualTo(server.getImage());
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");

        Map<String, String> replicaEnv = environment(manifests, server);
        assertThat(replicaEnv).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false")
                .containsEntry("QUARKUS_FLYWAY_VALIDATE_AT_START", "true")
                .containsEntry("ASB_MIGRATE_ONLY", "false");
        Map<String, String> jobEnv = environment(manifests, migrate);
        assertThat(jobEnv).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true")
                .containsEntry("QUARKUS_FLYWAY_VALIDATE_AT_START", "false")
                .containsEntry("ASB_MIGRATE_ONLY", "true");
        assertThat(jobEnv.get("QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo(replicaEnv.get("QUARKUS_DATASOURCE_JDBC_URL"));

        // A release applies "-l app.kubernetes.io/component in (config,migration)" first: the Job and what it reads.
        assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "migration");
        for (EnvFromSource source : migrate.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                assertThat(manifests.get(ConfigMap.class, source.getConfigMapRef().getName()).getMetadata().getLabels())
                        .containsEntry("app.kubernetes.io/component", "config");
            }
        }
        assertThat(deployment.getMetadata().getLabels()).doesNotContainEntry("app.kubernetes.io/component", "config")
                .doesNotContainEntry("app.kubernetes.io/component", "migration");
    }

    /** The JVM flags are in one ConfigMap both the replicas and the Job read, the collector where run-java.sh takes it. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theJvmIsSizedForItsContainerFromOneConfigMap(String overlay) throws Exception {
        Manifests manifests = Manifests.overlay(overlay);
        ConfigMap jvm = manifests.configMap("asb-portal-jvm");
        String options = jvm.getData().get("JAVA_OPTS_APPEND");

        assertThat(options.split(" ")).contains("-XX:MaxRAMPercentage=50", "-XX:InitialRAMPercentage=25",
                "-XX:+ExitOnOutOfMemoryError", "-XX:ReservedCodeCacheSize=64m", "-Xss512k");
        assertThat(options).as("a collector here would clash with run-java.sh's default one").doesNotContainPattern("-XX:\\+Use\\w+GC");
        assertThat(jvm.getData()).containsEntry("GC_CONTAINER_OPTIONS", "-XX:+UseSerialGC")
                .as("native memory kept near the JVM's own").containsEntry("MALLOC_ARENA_MAX", "2");
        for (Container container : List.of(
                manifests.get(Deployment.class, PORTAL).getSpec().getTemplate().getSpec().getContainers().get(0),
                manifests.get(Job.class, "asb-portal-migrate").getSpec().getTemplate().getSpec().getContainers().get(0))) {
            assertThat(container.getEnvFrom()).anySatisfy(source -> assertThat(source.getConfigMapRef().getName())
                    .isEqualTo(jvm.getMetadata().getName()));
            assertThat(container.getEnv()).noneMatch(env -> env.getName().startsWith("JAVA_") || env.getName().startsWith("GC_"));
        }
    }

    /**
     * The Secret is a template with placeholders only, outside every kustomization (so applying an
     * overlay never puts placeholders back); it holds every secret the manifests refer to.
     */
    @Test
    void theSecretIsATemplateOfPlaceholdersHoldingEveryKeyTheManifestsUse() throws Exception {
        Secret template = Manifests.read(Manifests.yaml(Manifests.K8S.resolve("secret.template.yaml")), Secret.class, "secret.template.yaml");
        assertThat(template.getMetadata().getName()).isEqualTo(SECRET);
        assertThat(template.getData()).as("no base64 data: placeholders only, in stringData").isNullOrEmpty();
        assertThat(template.getStringData()).containsKeys("ASB_SECRET", "ASB_ADMIN_PASSWORD", "QUARKUS_DATASOURCE_PASSWORD",
                "ASB_RECAPTCHA_SECRET", "QUARKUS_MAILER_PASSWORD");
        assertThat(template.getStringData().values()).allSatisfy(value -> assertThat(value).isIn(PLACEHOLDERS));

        for (String overlay : List.of("dev", "production")) {
            Manifests manifests = Manifests.overlay(overlay);
            for (Secret secret : manifests.all(Secret.class)) {
                assertThat(secret.getData()).as(overlay + " Secret " + secret.getMetadata().getName()).isNullOrEmpty();
                assertThat(secret.getStringData().values()).allSatisfy(value -> assertThat(value).isIn(PLACEHOLDERS));
            }
            manifests.podTemplates().forEach((workload, pod) -> {
                for (Container container : containers(pod.getSpec())) {
                    for (EnvFromSource source : container.getEnvFrom()) {
                        if (source.getSecretRef() != null) {
                            assertThat(source.getSecretRef().getName()).as(workload).isEqualTo(SECRET);
                        }
                    }
                    for (EnvVar env : container.getEnv()) {
                        if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                            assertThat(env.getValueFrom().getSecretKeyRef().getName()).as(workload).isEqualTo(SECRET);
                            assertThat(template.getStringData()).as(workload).containsKey(env.getValueFrom().getSecretKeyRef().getKey());
                        }
                    }
                }
            });
        }
    }

    /**
     * Every setting the portal reads (its @ConfigMapping interfaces) is in the ConfigMap with the
     * portal's default, or in the Secret: an operator sees every knob in one place, and a new setting
     * cannot be forgotten here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theConfigMapListsEverySettingThePortalReadsWithItsDefault(String overlay) throws Exception {
        Map<String, String> defaults = settingsWithDefaults();
        Map<String, String> config = Manifests.overlay(overlay).configMap("asb-portal-config").getData();
        Set<String> secrets = templateKeys();

        assertThat(defaults).containsKeys("ASB_SECRET", "ASB_REPORT_DUPLICATES_DISTANCE_METRES", "ASB_MIGRATE_ONLY");
        List<String> missing = new ArrayList<>();
        Map<String, String> notDefault = new TreeMap<>();
        defaults.forEach((env, value) -> {
            if (SECRET_SETTINGS.contains(env)) {
                assertThat(secrets).as("secret setting " + env).contains(env);
                assertThat(config).as("a secret setting is not in the ConfigMap").doesNotContainKey(env);
            } else if (!config.containsKey(env)) {
                missing.add(env);
            } else if (!SET_FOR_DEPLOYMENT.contains(env) && !config.get(env).equals(value)) {
                notDefault.put(env, config.get(env) + " (default " + value + ")");
            }
        });
        assertThat(missing).as("settings missing from k8s/base/portal.env").isEmpty();
        assertThat(notDefault).as("settings whose value is not the portal's default").isEmpty();
        assertThat(config.keySet().stream().filter(key -> key.startsWith("ASB_")))
                .as("ASB_ settings the portal does not read").allSatisfy(key -> assertThat(defaults).containsKey(key));
    }

    // --- helpers ---

    private static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        all.addAll(pod.getInitContainers());
        return all;
    }

    private static String path(Probe probe) {
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as("an HTTP probe").isNotNull();
        return get.getPath();
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** A container's environment as Kubernetes builds it: envFrom in order (ConfigMaps only), then env. */
    private static Map<String, String> environment(Manifests manifests, Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap configMap = manifests.get(ConfigMap.class, source.getConfigMapRef().getName());
                env.putAll(configMap.getData());
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                env.put(variable.getName(), variable.getValue());
            }
        }
        return env;
    }

    private static Set<String> templateKeys() throws IOException {
        JsonNode template = Manifests.yaml(Manifests.K8S.resolve("secret.template.yaml"));
        Set<String> keys = new java.util.TreeSet<>();
        template.path("stringData").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** A Quarkus duration: 5S, 30S, 1M, or ISO-8601. */
    private static Duration duration(String value) {
        assertThat(value).as("a shutdown setting in application.properties").isNotNull();
        String text = value.trim().toUpperCase(Locale.ROOT);
        return Duration.parse(text.startsWith("P") ? text : "PT" + text);
    }

    /**
     * Every setting of the portal's @ConfigMapping interfaces, as its environment variable, with
     * its default: {@code @WithDefault}, else the value in application.properties (no profile), else
     * empty (an optional setting). Maps (one variable per key, as ward populations) are left out.
     */
    static Map<String, String> settingsWithDefaults() throws IOException {
        Properties properties = applicationProperties();
        Map<String, String> settings = new TreeMap<>();
        Path classes = Path.of("target/classes");
        List<Class<?>> mappings;
        try (Stream<Path> files = Files.walk(classes)) {
            mappings = files.map(classes::relativize).map(Path::toString)
                    .filter(file -> file.endsWith(".class") && !file.contains("$"))
                    .<Class<?>>map(file -> load(file.substring(0, file.length() - ".class".length()).replace('/', '.')))
                    .filter(type -> type.isAnnotationPresent(ConfigMapping.class))
                    .toList();
        }
        assertThat(mappings).as("the portal's @ConfigMapping interfaces").hasSizeGreaterThan(10);
        for (Class<?> type : mappings) {
            collect(type.getAnnotation(ConfigMapping.class).prefix(), type, properties, settings);
        }
        return settings;
    }

    private static void collect(String prefix, Class<?> type, Properties properties, Map<String, String> settings) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            String property = prefix + "." + kebab(method.getName());
            Class<?> returned = method.getReturnType();
            if (Map.class.isAssignableFrom(returned)) {
                continue;
            }
            Type generic = method.getGenericReturnType();
            Class<?> value = returned == Optional.class && generic instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> inner ? inner : returned;
            if (value.isInterface() && value.getName().startsWith("org.asbportal")) {
                collect(property, value, properties, settings);
                continue;
            }
            WithDefault withDefault = method.getAnnotation(WithDefault.class);
            String defaultValue = withDefault != null ? withDefault.value() : properties.getProperty(property, "");
            settings.put(property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT), defaultValue);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, KubernetesManifestsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kebab(String name) {
        Matcher matcher = Pattern.compile("([A-Z])").matcher(name);
        return matcher.replaceAll(match -> "-" + match.group(1).toLowerCase(Locale.ROOT));
    }
}
