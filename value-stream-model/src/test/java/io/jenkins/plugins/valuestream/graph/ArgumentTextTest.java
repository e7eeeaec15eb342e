package io.jenkins.plugins.valuestream.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** Step argument values as the live flow graph gives them, written as one comparable string each. */
public class ArgumentTextTest {
    /** Like Jenkins' {@code ArgumentsAction.NotStoredReason}, which stands where a value was not kept. */
    private enum NotStoredReason {
        MASKED_VALUE {
            @Override
            public String toString() {
                return "masked";
            }
        }
    }

    @Test
    public void plainValuesAreWrittenAsThemselves() {
        assertThat(ArgumentText.of("npm ci")).isEqualTo("npm ci");
        assertThat(ArgumentText.of(15)).isEqualTo("15");
        assertThat(ArgumentText.of(true)).isEqualTo("true");
        assertThat(ArgumentText.of(null)).isEqualTo("null");
    }

    @Test
    public void mapsAreWrittenWithSortedKeysSoTheSameArgumentsReadTheSame() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("url", "https://example.org/repo.git");
        first.put("branch", "main");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("branch", "main");
        second.put("url", "https://example.org/repo.git");

        assertThat(ArgumentText.of(first)).isEqualTo(ArgumentText.of(second))
                .isEqualTo("{branch=main, url=https://example.org/repo.git}");
    }

    @Test
    public void nestedListsAndMapsAreWrittenWhole() {
        Object value = List.of(Map.of("name", "a"), Arrays.asList("b", null));

        assertThat(ArgumentText.of(value)).isEqualTo("[{name=a}, [b, null]]");
    }

    @Test
    public void aWithheldValueIsWrittenByItsNameAsOnDisk() {
        assertThat(ArgumentText.of(NotStoredReason.MASKED_VALUE)).isEqualTo("MASKED_VALUE");
    }

    @Test
    public void anEnumArgumentIsWrittenByItsName() {
        assertThat(ArgumentText.of(Map.of("time", 5, "unit", TimeUnit.SECONDS))).isEqualTo("{time=5, unit=SECONDS}");
    }
}
