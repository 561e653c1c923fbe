package dev.courseline.enquiry.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.type.LogicalType;

/**
 * Public bodies are read strictly, so a hostile one is refused (400) instead of being read as something else: a key
 * given twice, a number or boolean where text is expected (it would become the text "1e400" or "true"), a fraction
 * where a whole number is expected (it would be cut), and any field name starting with {@code $} (a MongoDB operator;
 * unknown fields are otherwise ignored, so the website may send more than a form needs).
 */
@Configuration(proxyBeanMethods = false)
public class StrictRequestJson {

    @Bean
    JsonMapperBuilderCustomizer strictRequestReading() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addHandler(new OperatorFieldNames())
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, number -> number
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /** Refuses an unknown field whose name is an operator, naming it; other unknown fields are skipped as before. */
    static final class OperatorFieldNames extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
            if (propertyName.startsWith("$") || propertyName.indexOf('\u0000') >= 0) {
                throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName, null);
            }
            return false;
        }
    }
}
