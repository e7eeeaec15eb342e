package io.jenkins.plugins.valuestream.budget;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What a run over its budget is marked as; the plugin maps it to Jenkins' {@code Result} of the same name. */
public enum BudgetResult {
    FAILURE,
    UNSTABLE,
    ABORTED;

    /**
     * Parses the {@code budgetResult} parameter, case-insensitively; {@code null} or blank gives {@link #FAILURE}.
     *
     * @throws IllegalArgumentException naming the parameter and the accepted values
     */
    public static BudgetResult parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return FAILURE;
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        for (BudgetResult result : values()) {
            if (result.name().equals(name)) {
                return result;
            }
        }
        throw new IllegalArgumentException("Invalid budgetResult '" + text + "'; accepted: " + accepted()
                + " (default FAILURE)");
    }

    /** The accepted names, for messages and help. */
    public static String accepted() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
