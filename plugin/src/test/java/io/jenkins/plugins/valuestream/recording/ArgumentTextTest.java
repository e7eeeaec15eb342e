package io.jenkins.plugins.valuestream.recording;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.junit.Test;

/** Step argument values as text, and node ids in creation order: the plain parts of the adapter. */
public class ArgumentTextTest {
    @Test
    public void plainValuesAreWrittenAsThemselves() {
        assertEquals("npm ci", FlowGraphAdapter.ArgumentText.of("npm ci"));
        assertEquals("15", FlowGraphAdapter.ArgumentText.of(15));
        assertEquals("true", FlowGraphAdapter.ArgumentText.of(true));
    }

    @Test
    public void mapsAreWrittenWithSortedKeysSoTheSameArgumentsReadTheSame() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("url", "https://example.org/repo.git");
        first.put("branch", "main");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("branch", "main");
        second.put("url", "https://example.org/repo.git");

        assertEquals(FlowGraphAdapter.ArgumentText.of(first), FlowGraphAdapter.ArgumentText.of(second));
        assertEquals("{branch=main, url=https://example.org/repo.git}", FlowGraphAdapter.ArgumentText.of(first));
    }

    @Test
    public void nestedListsAndMapsAreWrittenWhole() {
        Object value = List.of(Map.of("name", "a"), Arrays.asList("b", null));

        assertEquals("[{name=a}, [b, null]]", FlowGraphAdapter.ArgumentText.of(value));
    }

    @Test
    public void aWithheldValueIsWrittenByItsReasonAsOnDisk() {
        assertEquals("MASKED_VALUE", FlowGraphAdapter.ArgumentText.of(ArgumentsAction.NotStoredReason.MASKED_VALUE));
    }

    @Test
    public void numericIdsAreOrderedAsNumbers() {
        assertTrue(FlowGraphAdapter.CREATION_ORDER.compare("9", "10") < 0);
        assertTrue(FlowGraphAdapter.CREATION_ORDER.compare("10", "9") > 0);
        assertEquals(0, FlowGraphAdapter.CREATION_ORDER.compare("12", "12"));
    }

    @Test
    public void idsThatAreNotNumbersComeAfterNumbersInTextOrder() {
        assertTrue(FlowGraphAdapter.CREATION_ORDER.compare("99", "a") < 0);
        assertTrue(FlowGraphAdapter.CREATION_ORDER.compare("a", "b") < 0);
    }
}
