package io.jenkins.plugins.valuestream.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import org.junit.Test;

public class TrendViewTest {
    private final ValueStream webShop = ViewFixtures.aggregate("web-shop", ViewFixtures.webShopRuns(8));

    @Test
    public void hasOnePointPerRunOldestFirst() {
        TrendView view = TrendView.of(webShop);
        assertThat(view.points()).extracting(TrendPoint::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(view.points().get(0).leadTimeMillis()).isEqualTo(webShop.trend().get(0).leadTimeMillis());
        assertThat(view.maxLeadTimeMillis()).isEqualTo(
                webShop.trend().stream().mapToLong(t -> t.leadTimeMillis()).max().orElseThrow());
    }

    @Test
    public void showsAnUnknownQueueWaitAsUnknown() {
        TrendView view = TrendView.of(webShop);
        assertThat(view.points().get(0).waits()).contains(WaitPart.unknown(WaitCause.QUEUE));
        assertThat(view.points().get(5).waits()).extracting(WaitPart::cause).contains(WaitCause.QUEUE);
        assertThat(view.points().get(5).waits()).allMatch(part -> part.millis() != null);
        assertThat(view.notes()).singleElement().asString().contains("3 of 8 runs");
    }

    @Test
    public void serializesToJsonAndBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        TrendView view = TrendView.of(webShop);
        assertThat(json.readValue(json.writeValueAsString(view), TrendView.class)).isEqualTo(view);
    }

    @Test
    public void aLongHistoryShowsItsNewestRunsAndSaysSo() {
        int runs = TrendView.MAX_POINTS + 30;
        TrendView view = TrendView.of(ViewFixtures.aggregate("web-shop", ViewFixtures.webShopRuns(runs)));

        assertThat(view.points()).hasSize(TrendView.MAX_POINTS);
        assertThat(view.points().get(0).number()).isEqualTo(31);
        assertThat(view.notes()).contains("The trends show the newest " + TrendView.MAX_POINTS + " of the " + runs
                + " runs; the figures above cover them all.");
    }
}
