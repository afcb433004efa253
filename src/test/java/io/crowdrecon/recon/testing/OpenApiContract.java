package io.crowdrecon.recon.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI document ({@code docs/openapi.json}) as a checker of real answers: whether
 * an operation declares the status it answered, and whether the body validates against the schema
 * it declares for that status and content type (JSON Schema 2020-12 with the OpenAPI 3.1 dialect).
 */
public final class OpenApiContract {

    private static final String BASE = "https://crowdrecon.invalid/openapi.json";
    private static final OpenApiContract INSTANCE = new OpenApiContract(Path.of("docs", "openapi.json"));

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern) {}

    private OpenApiContract(Path file) {
        try {
            String text = Files.readString(file);
            this.document = JsonMapper.builder().build().readTree(text);
            this.schemas =
                    SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(BASE, text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.get("paths")
                .propertyNames()
                .forEach(path -> templates.add(
                        new Template(path, Pattern.compile("^" + path.replaceAll("\\{[^/}]+}", "[^/]+") + "$"))));
        // Literal segments win over variables (/orders/events before /orders/{orderId}).
        templates.sort((a, b) -> Long.compare(variables(a.path()), variables(b.path())));
    }

    public static OpenApiContract committed() {
        return INSTANCE;
    }

    private static long variables(String path) {
        return path.chars().filter(c -> c == '{').count();
    }

    /** The documented path template a request path falls under, if the document has one. */
    public Optional<String> templateOf(String rawPath) {
        return templates.stream()
                .filter(t -> t.pattern().matcher(rawPath).matches())
                .map(Template::path)
                .findFirst();
    }

    /**
     * What is wrong with an answer, by the document: an undeclared status, or a body that does not
     * validate against the declared schema. Empty when the answer keeps the contract.
     */
    public List<String> violations(String template, String method, int status, String contentType, JsonNode body) {
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            return List.of(method + " " + template + " is not in the document");
        }
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            return List.of(method + " " + template + " answered " + status + ", which it does not declare");
        }
        if (body == null || contentType == null) {
            return List.of();
        }
        String mediaType = contentType.split(";")[0].trim();
        if (!response.path("content").has(mediaType)) {
            return List.of(
                    method + " " + template + " " + status + " answered " + mediaType + ", which it does not declare");
        }
        String pointer = "#/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses/" + status
                + "/content/" + escape(mediaType) + "/schema";
        Schema schema = compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(BASE + p)));
        return schema.validate(body).stream()
                .map(Error::toString)
                .map(error -> method + " " + template + " " + status + ": " + error)
                .toList();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
