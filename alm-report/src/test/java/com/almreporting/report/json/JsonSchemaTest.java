package com.almreporting.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.report.Scenarios;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The renderer's output conforms to its published schema (draft 2020-12) for every scenario, the schema is itself
 * a valid 2020-12 schema, and the validator does reject documents that break it — so that a green test means
 * something.
 */
class JsonSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER).build();
        try (InputStream in = JsonRenderer.class.getResourceAsStream(JsonRenderer.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource %s", JsonRenderer.SCHEMA_RESOURCE).isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    static Iterable<String> scenarios() {
        return Scenarios.names();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void renderedReportConformsToTheSchema(String scenario) {
        String json = new JsonRenderer().render(Scenarios.named(scenario));
        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void schemaIsAValidDraft202012Schema() throws IOException {
        // The meta-schema ships inside the validator jar: no network.
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema meta = factory.getSchema(SchemaLocation.of(SpecVersion.VersionFlag.V202012.getId()));
        try (InputStream in = JsonRenderer.class.getResourceAsStream(JsonRenderer.SCHEMA_RESOURCE)) {
            assertThat(meta.validate(MAPPER.readTree(in))).isEmpty();
        }
    }

    @Test
    void aNumberInsteadOfADecimalStringIsRejected() throws IOException {
        assertRejected(doc -> ((ObjectNode) doc.at("/summary/0")).put("officialClose", 79754.81), "/summary/0/officialClose");
    }

    @Test
    void aDecimalWithThousandsSeparatorsIsRejected() throws IOException {
        assertRejected(doc -> ((ObjectNode) doc.at("/days/1/open")).put("calculatedOpening", "78,609.37"),
                "/days/1/open/calculatedOpening");
    }

    @Test
    void moneyWithoutCentsIsRejected() throws IOException {
        assertRejected(doc -> ((ObjectNode) doc.at("/days/1/intraday/0/nav")).put("impact", "590.6"),
                "/days/1/intraday/0/nav/impact");
    }

    @Test
    void anInstantWithAnOffsetInsteadOfUtcIsRejected() throws IOException {
        assertRejected(doc -> ((ObjectNode) doc.at("/days/0/close/at")).put("utc", "2025-07-18T04:00:00+08:00"),
                "/days/0/close/at/utc");
    }

    @Test
    void anUnknownMemberIsRejected() throws IOException {
        assertRejected(doc -> ((ObjectNode) doc.at("/days/1/preMarket/0/pnl")).put("fees", "0.00"), "/days/1/preMarket/0/pnl");
    }

    @Test
    void aMissingRequiredMemberIsRejected() throws IOException {
        assertRejected(doc -> ((ObjectNode) doc.at("/days/0/close")).remove("residual"), "/days/0/close");
    }

    @Test
    void anItemOfUnknownKindIsRejected() throws IOException {
        assertRejected(doc -> ((ObjectNode) doc.at("/days/1/overnight/0")).set("kind", TextNode.valueOf("transfer")),
                "/days/1/overnight/0");
    }

    @Test
    void anotherSchemaVersionIsRejected() throws IOException {
        assertRejected(doc -> ((ObjectNode) doc).put("schemaVersion", "2.0"), "/schemaVersion");
    }

    private static void assertRejected(Consumer<JsonNode> corruption, String where) throws IOException {
        JsonNode doc = MAPPER.readTree(new JsonRenderer().render(Scenarios.named("ground-truth")));
        assertThat(schema.validate(doc)).as("the untouched document").isEmpty();
        corruption.accept(doc);
        Set<ValidationMessage> errors = schema.validate(doc);
        assertThat(errors).as("errors after corrupting %s", where).isNotEmpty();
        assertThat(errors).anySatisfy(e -> assertThat(e.getInstanceLocation().toString()).startsWith(where));
    }
}
