package org.asbportal.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The objects an overlay of {@code k8s/} renders to ({@code kubectl kustomize}), each read as its
 * Kubernetes API type with every field known to that type: a misspelt or misplaced field fails here,
 * as {@code kubectl apply} with strict validation would fail on the cluster. Custom resources
 * (mariadb-operator's MariaDB) are kept as plain maps.
 */
final class Manifests {

    static final Path K8S = Path.of("k8s");

    /** The kinds the manifests may hold, by apiVersion/kind, with the type each is read as. */
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "batch/v1/Job", Job.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    /** Custom resources, kept as maps. */
    private static final List<String> CUSTOM = List.of("k8s.mariadb.com/v1alpha1/MariaDB",
            "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PrometheusRule");

    /**
     * Fails on unknown fields. The fabric8 types keep unknown fields in {@code additionalProperties}
     * (a Jackson any-setter), which would hide them: the any-setters are ignored here.
     */
    static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private static final YAMLMapper YAML = new YAMLMapper();

    final String name;
    final List<HasMetadata> typed;
    final List<Map<String, Object>> custom;

    private Manifests(String name, List<HasMetadata> typed, List<Map<String, Object>> custom) {
        this.name = name;
        this.typed = typed;
        this.custom = custom;
    }

    /** Each overlay rendered once per run. */
    private static final Map<String, Manifests> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The overlay {@code k8s/overlays/<name>} rendered by kubectl; the test is skipped without kubectl. */
    static Manifests overlay(String name) throws IOException, InterruptedException {
        Manifests rendered = RENDERED.get(name);
        if (rendered == null) {
            rendered = parse(name, kustomize(K8S.resolve("overlays").resolve(name)));
            RENDERED.put(name, rendered);
        }
        return rendered;
    }

    /** {@code k8s/monitoring} (Prometheus Operator resources and the Grafana dashboard) rendered by kubectl. */
    static Manifests monitoring() throws IOException, InterruptedException {
        return parse("monitoring", kustomize(K8S.resolve("monitoring")));
    }

    /** The custom resources of this kind, by name. */
    Map<String, Map<String, Object>> custom(String kind) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        for (Map<String, Object> resource : custom) {
            if (kind.equals(resource.get("kind"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) resource.get("metadata");
                found.put(String.valueOf(metadata.get("name")), resource);
            }
        }
        return found;
    }

    static Manifests parse(String name, String yaml) throws IOException {
        List<HasMetadata> typed = new ArrayList<>();
        List<Map<String, Object>> custom = new ArrayList<>();
        for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
            if (document == null || document.isNull() || document.isEmpty()) {
                continue;
            }
            String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
            Class<? extends HasMetadata> type = TYPES.get(kind);
            if (type != null) {
                typed.add(read(document, type, name));
            } else if (CUSTOM.contains(kind)) {
                custom.add(YAML.convertValue(document, Map.class));
            } else {
                throw new AssertionError(name + ": a kind the manifests are not expected to hold: " + kind);
            }
        }
        return new Manifests(name, typed, custom);
    }

    static <T> T read(JsonNode document, Class<T> type, String where) {
        try {
            return STRICT.treeToValue(document, type);
        } catch (IOException e) {
            throw new AssertionError(where + ": " + type.getSimpleName() + " "
                    + document.path("metadata").path("name").asText() + " does not read as the API's type: "
                    + e.getMessage(), e);
        }
    }

    static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return typed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String objectName) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(objectName)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String objectName) {
        return find(type, objectName).orElseThrow(
                () -> new AssertionError(name + ": no " + type.getSimpleName() + " " + objectName));
    }

    /** A ConfigMap by the name it has before kustomize appends its content hash. */
    ConfigMap configMap(String generatedName) {
        return all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(generatedName)
                        || c.getMetadata().getName().matches(generatedName + "-[a-z0-9]{10}"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no ConfigMap " + generatedName));
    }

    /** Every pod template (Deployments, StatefulSets, Jobs), by the workload's kind and name. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> templates.put("Deployment " + d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> templates.put("StatefulSet " + s.getMetadata().getName(), s.getSpec().getTemplate()));
        all(Job.class).forEach(j -> templates.put("Job " + j.getMetadata().getName(), j.getSpec().getTemplate()));
        return templates;
    }

    private static String kustomize(Path overlay) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            assumeTrue(false, "kubectl is not installed: " + e.getMessage());
            throw e;
        }
        String out;
        String err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + overlay + " failed: " + err);
        }
        return out;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
