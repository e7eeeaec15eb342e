package io.jenkins.plugins.valuestream.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class NodeIdsTest {
    private static List<String> sorted(String... ids) {
        List<String> list = new ArrayList<>(List.of(ids));
        list.sort(NodeIds.CREATION_ORDER);
        return list;
    }

    @Test
    public void numericIdsGoByValueNotAsText() {
        assertThat(sorted("10", "9", "2", "100", "11")).containsExactly("2", "9", "10", "11", "100");
    }

    @Test
    public void idsLongerThanALongStillGoByValue() {
        assertThat(sorted("100000000000000000000", "99999999999999999999")).containsExactly("99999999999999999999",
                "100000000000000000000");
    }

    @Test
    public void idsThatAreNotNumbersComeAfterNumbersInTextOrder() {
        assertThat(sorted("b", "99", "a", "3")).containsExactly("3", "99", "a", "b");
    }

    @Test
    public void equalIdsAreEqual() {
        assertThat(NodeIds.CREATION_ORDER.compare("12", "12")).isZero();
    }
}
