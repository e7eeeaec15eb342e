package io.jenkins.plugins.valuestream.codec;

import static io.jenkins.plugins.valuestream.codec.StoredForm.writeLong;
import static io.jenkins.plugins.valuestream.codec.StoredForm.writePath;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.budget.BudgetResult;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A compact, versioned JSON form of a {@link BudgetVerdict}, for keeping the verdict a budgeted block reached with its
 * build, so that the build page shows what the block decided without evaluating anything again: what {@link #write}
 * writes, {@link #read} reads back equal. Like {@link ProcessMapCodec}, defaults are left out and a form of another
 * format is refused, never misread.
 *
 * <p>Thread-safe.
 */
public final class BudgetVerdictCodec {
    /** The version of the form {@link #write} writes. */
    public static final int FORMAT = 1;

    private static final StoredForm FORM = new StoredForm("budget verdict");

    private BudgetVerdictCodec() {
    }

    /** The JSON form of a verdict. */
    public static String write(BudgetVerdict verdict) {
        StringWriter out = new StringWriter(96 + 160 * verdict.checks().size());
        try (JsonGenerator json = StoredForm.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("result", verdict.result().name());
            json.writeNumberField("asOf", verdict.asOf());
            writeLong(json, "remaining", verdict.remainingMillis());
            if (!verdict.checks().isEmpty()) {
                json.writeArrayFieldStart("checks");
                for (BudgetCheck check : verdict.checks()) {
                    writeCheck(json, check);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException when the text is not such a form, naming what is wrong (the field, or the
     *     format version this reader does not know)
     */
    public static BudgetVerdict read(String text) {
        JsonNode root = FORM.root(text, FORMAT);
        List<BudgetCheck> checks = new ArrayList<>();
        for (JsonNode check : FORM.array(root, "checks")) {
            checks.add(readCheck(check));
        }
        return new BudgetVerdict(checks,
                FORM.enumValue(BudgetResult.class, FORM.requiredText(root, "result", "the verdict"), "result"),
                FORM.requiredLong(root, "asOf", "the verdict"),
                FORM.nullableLong(root, "remaining"));
    }

    private static void writeCheck(JsonGenerator json, BudgetCheck check) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", check.kind().name());
        json.writeNumberField("limit", check.limitMillis());
        json.writeNumberField("actual", check.actualMillis());
        if (check.step() != null) {
            writePath(json, "step", check.step());
        }
        if (check.occurrence() != 0) {
            json.writeNumberField("occurrence", check.occurrence());
        }
        if (check.mainCause() != null) {
            json.writeStringField("mainCause", check.mainCause().name());
        }
        if (!check.unknown().isEmpty()) {
            json.writeArrayFieldStart("unknown");
            for (WaitCause cause : WaitCause.values()) {
                if (check.unknown().contains(cause)) {
                    json.writeString(cause.name());
                }
            }
            json.writeEndArray();
        }
        if (check.open()) {
            json.writeBooleanField("open", true);
        }
        json.writeEndObject();
    }

    private static BudgetCheck readCheck(JsonNode check) {
        String where = "a check";
        Set<WaitCause> unknown = EnumSet.noneOf(WaitCause.class);
        for (JsonNode cause : FORM.array(check, "unknown")) {
            unknown.add(FORM.enumValue(WaitCause.class, cause.asText(), "unknown"));
        }
        String mainCause = FORM.nullableText(check, "mainCause");
        return new BudgetCheck(
                FORM.enumValue(BudgetKind.class, FORM.requiredText(check, "kind", where), "kind"),
                FORM.requiredLong(check, "limit", where),
                FORM.requiredLong(check, "actual", where),
                FORM.nullablePath(check, "step", where),
                (int) FORM.optionalLong(check, "occurrence", 0),
                mainCause == null ? null : FORM.enumValue(WaitCause.class, mainCause, "mainCause"),
                unknown,
                check.has("open") && check.get("open").asBoolean());
    }
}
