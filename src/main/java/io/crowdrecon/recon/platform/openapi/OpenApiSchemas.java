package io.crowdrecon.recon.platform.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small builders for OpenAPI 3.1 schemas (whose {@code type} is a set of JSON types). */
final class OpenApiSchemas {

    private OpenApiSchemas() {}

    static Schema<Object> string() {
        return typed("string");
    }

    static Schema<Object> number() {
        return typed("number");
    }

    static Schema<Object> integer() {
        return typed("integer");
    }

    static Schema<Object> object() {
        return typed("object");
    }

    static Schema<Object> array(Schema<?> items) {
        Schema<Object> array = typed("array");
        array.setItems(items);
        return array;
    }

    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(new LinkedHashSet<>(Set.of(type)));
        return schema;
    }

    /**
     * The same schema admitting {@code null}: a typed schema adds "null" to its types (and to its
     * enum); a reference becomes {@code anyOf [ref, null]}, keeping the property's description.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            Schema wrapper = new Schema<>();
            wrapper.setDescription(property.getDescription());
            wrapper.setAnyOf(List.of(new Schema<>().$ref(property.get$ref()), typed("null")));
            return wrapper;
        }
        Set<String> types = property.getTypes() != null
                ? property.getTypes()
                : property.getType() != null ? Set.of(property.getType()) : null;
        if (types == null || types.contains("null")) {
            return property;
        }
        Set<String> withNull = new LinkedHashSet<>(types);
        withNull.add("null");
        property.setTypes(withNull);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
