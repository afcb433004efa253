package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.Texts;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How request bodies are read: as the application's mapper does, except that every JSON string is checked as it is
 * read, before any code sees it. A string holding a NUL or an unpaired surrogate is refused ({@link Texts}), and so is
 * a field named as an id ({@link IdPrefix#named}) whose value is not of that id's shape; each answers 400
 * {@code VALIDATION_FAILED} naming the field, through {@link RejectedText}. A blank id is left to the request's own
 * validation, which treats blank as absent.
 */
public final class RequestJson {

    private RequestJson() {}

    /** {@code application} with the checks; {@code application} itself is left as it is. */
    public static JsonMapper mapper(JsonMapper application) {
        return application
                .rebuild()
                .addModule(new SimpleModule("crowdrecon-request-text")
                        .addDeserializer(String.class, new CheckedStringDeserializer()))
                .build();
    }

    /** Why a string of a request body was refused; Jackson adds the field's path as the exception travels up. */
    public static final class RejectedText extends InvalidFormatException {

        private final String reason;

        RejectedText(JsonParser parser, String reason) {
            super(parser, reason, null, String.class);
            this.reason = reason;
        }

        /** Completes "field …", for the problem's {@code errors[].message}. */
        public String reason() {
            return reason;
        }
    }

    static final class CheckedStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            Optional<String> flaw = Texts.flaw(value);
            if (flaw.isPresent()) {
                throw new RejectedText(parser, flaw.get());
            }
            if (value != null && !value.isBlank()) {
                String field = fieldName(parser);
                Optional<IdPrefix> id = IdPrefix.named(field);
                if (id.isPresent() && !id.get().isWellFormed(value)) {
                    throw new RejectedText(
                            parser, "is not a well-formed id: " + id.get().shape());
                }
            }
            return value;
        }

        /** The field the string is the value of, or an element of (for a list of ids). */
        private static @Nullable String fieldName(JsonParser parser) {
            TokenStreamContext context = parser.streamReadContext();
            if (context != null && context.inArray()) {
                context = context.getParent();
            }
            return context == null ? null : context.currentName();
        }
    }
}
