package io.jenkins.plugins.valuestream.ui;

import io.jenkins.plugins.valuestream.stream.RunWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which runs the Value Stream tab and its JSON cover, as chosen with the query parameters {@code runs} (how many of
 * the newest finished runs) and {@code results} ({@code all} or {@code successful}). The selector offers
 * {@link #SIZES}; the API takes any size from 1 to {@link #MAX_RUNS}. A missing or unreadable parameter falls back
 * to the default rather than failing the page.
 *
 * @param runs how many of the newest finished runs
 * @param successfulOnly whether only successful runs are taken
 */
public record WindowChoice(int runs, boolean successfulOnly) {
    /** The sizes the selector offers. */
    public static final List<Integer> SIZES = List.of(10, 50, 200);
    /** The largest window the query parameter accepts. */
    public static final int MAX_RUNS = 10_000;
    /** The name of the query parameter holding the size. */
    public static final String RUNS_PARAMETER = "runs";
    /** The name of the query parameter holding {@code all} or {@code successful}. */
    public static final String RESULTS_PARAMETER = "results";

    private static final String ALL = "all";
    private static final String SUCCESSFUL = "successful";

    public WindowChoice {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("A window needs 1 to " + MAX_RUNS + " runs, got " + runs);
        }
    }

    /**
     * The window the query parameters ask for.
     *
     * @param runs the {@code runs} parameter, or {@code null}
     * @param results the {@code results} parameter, or {@code null}
     * @param defaultRuns the size used when {@code runs} is missing or not a number in range
     */
    public static WindowChoice parse(@Nullable String runs, @Nullable String results, int defaultRuns) {
        int size = clamp(defaultRuns);
        if (runs != null) {
            try {
                int asked = Integer.parseInt(runs.trim());
                if (asked >= 1 && asked <= MAX_RUNS) {
                    size = asked;
                }
            } catch (NumberFormatException e) {
                // An unreadable size shows the default window; the page says which window it shows.
            }
        }
        boolean successful = results != null && SUCCESSFUL.equals(results.trim().toLowerCase(Locale.ROOT));
        return new WindowChoice(size, successful);
    }

    private static int clamp(int runs) {
        return Math.max(1, Math.min(MAX_RUNS, runs));
    }

    /** The model's window. */
    public RunWindow toRunWindow() {
        return new RunWindow(runs, successfulOnly);
    }

    /** The value of the results parameter that selects this window's filter: {@code successful} or {@code all}. */
    public String resultsValue() {
        return successfulOnly ? SUCCESSFUL : ALL;
    }

    /** The query string that selects this window, e.g. {@code ?runs=50&results=successful}. */
    public String query() {
        return "?" + RUNS_PARAMETER + "=" + runs + "&" + RESULTS_PARAMETER + "=" + resultsValue();
    }

    /** The selector's links for the sizes, keeping the results filter; the current one marked. */
    public List<WindowLink> sizeLinks() {
        List<WindowLink> links = new ArrayList<>();
        for (int size : SIZES) {
            WindowChoice choice = new WindowChoice(size, successfulOnly);
            links.add(new WindowLink(Messages.WindowChoice_LastRuns(size), choice.query(), size == runs));
        }
        if (!SIZES.contains(runs)) {
            links.add(new WindowLink(Messages.WindowChoice_LastRuns(runs), query(), true));
        }
        return links;
    }

    /** The selector's links for all runs or successful runs only, keeping the size; the current one marked. */
    public List<WindowLink> resultLinks() {
        return List.of(
                new WindowLink(Messages.WindowChoice_AllResults(), new WindowChoice(runs, false).query(),
                        !successfulOnly),
                new WindowLink(Messages.WindowChoice_SuccessfulOnly(), new WindowChoice(runs, true).query(),
                        successfulOnly));
    }

    /** The window in words, e.g. "the last 50 successful runs". */
    public String describe() {
        return successfulOnly ? Messages.WindowChoice_DescribeSuccessful(runs) : Messages.WindowChoice_DescribeAll(runs);
    }

    /**
     * One link of the window selector.
     *
     * @param label what the link says
     * @param href the query string it points to, relative to the tab
     * @param selected whether it is the window shown
     */
    public record WindowLink(String label, String href, boolean selected) {
    }
}
