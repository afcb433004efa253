package io.crowdrecon.recon.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * The objects a kustomization renders, as {@code kubectl kustomize} prints them (one render per overlay and
 * JVM), with the look-ups the manifest tests share.
 */
record Rendered(String overlay, String text, List<Map<String, Object>> objects) {

    static final String PROD = "k8s/overlays/prod";
    static final String DEV = "k8s/overlays/dev";
    static final String PROD_MIGRATE = "k8s/overlays/prod/migrate";
    static final String DEV_MIGRATE = "k8s/overlays/dev/migrate";
    static final List<String> OVERLAYS = List.of(PROD, DEV, PROD_MIGRATE, DEV_MIGRATE);

    /** What a container reads from a Secret, as it appears in {@link #environment}: {@code <secret name/key>}. */
    static String secret(String name, String key) {
        return "<secret " + name + "/" + key + ">";
    }

    private static final Map<String, Rendered> RENDERS = new ConcurrentHashMap<>();

    static Rendered of(String overlay) {
        return RENDERS.computeIfAbsent(overlay, Rendered::render);
    }

    private static Rendered render(String overlay) {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", overlay)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException missing) {
            return fail("kubectl is needed to render the manifests (apt-get install kubernetes-client)");
        }
        try (InputStream out = kubectl.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(kubectl.exitValue())
                    .as("kubectl kustomize %s: %s", overlay, text)
                    .isZero();
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object document : new Yaml().loadAll(text)) {
                if (document != null) {
                    objects.add(path(document));
                }
            }
            return new Rendered(overlay, text, objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Map<String, Object>> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> one(String kind, String name) {
        List<Map<String, Object>> found = all(kind).stream()
                .filter(o -> name.equals(path(o, "metadata", "name")))
                .toList();
        assertThat(found).as("%s %s in %s", kind, name, overlay).hasSize(1);
        return found.get(0);
    }

    /** The pod spec of a Deployment or Job. */
    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return path(workload, "spec", "template", "spec");
    }

    static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = path(podSpec(workload), "containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /**
     * The container's environment as the process sees it: the ConfigMaps of {@code envFrom}, then {@code env}
     * (which wins); a value read from a Secret is {@link #secret(String, String)}.
     */
    Map<String, String> environment(Map<String, Object> workload) {
        Map<String, Object> container = container(workload);
        Map<String, String> environment = new LinkedHashMap<>();
        List<Map<String, Object>> envFrom = path(container, "envFrom");
        for (Map<String, Object> source : envFrom == null ? List.<Map<String, Object>>of() : envFrom) {
            assertThat(source).as("envFrom reads ConfigMaps only").containsOnlyKeys("configMapRef");
            Map<String, String> data = path(one("ConfigMap", path(source, "configMapRef", "name")), "data");
            environment.putAll(data);
        }
        List<Map<String, Object>> env = path(container, "env");
        for (Map<String, Object> variable : env == null ? List.<Map<String, Object>>of() : env) {
            Map<String, Object> secretKey = path(variable, "valueFrom", "secretKeyRef");
            String value = secretKey != null
                    ? secret(path(secretKey, "name"), path(secretKey, "key"))
                    : (String) variable.get("value");
            assertThat(value)
                    .as("%s has a value or reads a Secret", variable.get("name"))
                    .isNotNull();
            environment.put((String) variable.get("name"), value);
        }
        return environment;
    }

    /** Binds the container's environment over application.yml, as Spring Boot does at start. */
    Binder binder(Map<String, Object> workload) {
        MutablePropertySources sources = new MutablePropertySources();
        // Named as Spring Boot names it, so that its relaxed environment-variable mapping applies.
        sources.addLast(
                new SystemEnvironmentPropertySource("systemEnvironment", new LinkedHashMap<>(environment(workload))));
        try {
            new YamlPropertySourceLoader()
                    .load("application.yml", new FileSystemResource("src/main/resources/application.yml"))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(ConfigurationPropertySources.from(sources));
    }

    /**
     * Which Secret key a file of the container is: {@code secretName/key}, from the volume mounted over the file's
     * directory; null when no Secret volume provides it.
     */
    static String secretFile(Map<String, Object> workload, String file) {
        Path wanted = Path.of(file);
        List<Map<String, Object>> mounts = path(container(workload), "volumeMounts");
        List<Map<String, Object>> volumes = path(podSpec(workload), "volumes");
        for (Map<String, Object> mount : mounts) {
            Path directory = Path.of((String) mount.get("mountPath"));
            if (!wanted.startsWith(directory) || wanted.equals(directory)) {
                continue;
            }
            String inside = directory.relativize(wanted).toString();
            for (Map<String, Object> volume : volumes) {
                if (!volume.get("name").equals(mount.get("name")) || volume.get("secret") == null) {
                    continue;
                }
                List<Map<String, Object>> items = path(volume, "secret", "items");
                if (items == null) {
                    return path(volume, "secret", "secretName") + "/" + inside;
                }
                for (Map<String, Object> item : items) {
                    if (inside.equals(item.get("path"))) {
                        return path(volume, "secret", "secretName") + "/" + item.get("key");
                    }
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static <T> T path(Object root, Object... steps) {
        Object current = root;
        for (Object step : steps) {
            if (current == null) {
                return null;
            }
            current = step instanceof Integer index
                    ? ((List<Object>) current).get(index)
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }
}
