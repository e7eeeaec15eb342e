package io.jenkins.plugins.valuestream.graph.xml;

import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import org.jspecify.annotations.Nullable;

/**
 * What a run's {@code build.xml} says, as written: only the top-level fields the value stream needs, the Metrics
 * plugin's queue time, and where the flow nodes are stored.
 *
 * @param root the root element: {@code flow-build} for a Pipeline run ({@code build} for a freestyle one, ...)
 * @param number {@code number}: written by old Jenkins versions only; newer ones take it from the folder name
 * @param timestamp {@code timestamp}: when the run was created, i.e. left the build queue
 * @param startTime {@code startTime}: when it started executing
 * @param duration {@code duration} in milliseconds
 * @param result {@code result}, absent while the run is going
 * @param queuingMillis {@code jenkins.metrics.impl.TimeInQueueAction/queuingDurationMillis}, or {@code null}
 * @param storageDir {@code execution/storageDir}: the folder of the flow nodes, or {@code null} (then {@code workflow})
 * @param upstream the upstream causes of {@code hudson.model.CauseAction}, in the order written
 * @param upstreamWarnings the upstream causes that could not be read (no project, no build number), in words
 * @param checkouts the SCM checkouts of a Pipeline run ({@code checkouts/WorkflowRun_-SCMCheckout}), in the order
 *     written; empty for a run that checked nothing out, {@code null} where {@code build.xml} has no
 *     {@code checkouts} (written before Pipeline runs kept them, or not a Pipeline run)
 */
record BuildXml(String root, @Nullable Integer number, @Nullable Long timestamp, @Nullable Long startTime,
        @Nullable Long duration, @Nullable String result, @Nullable Long queuingMillis, @Nullable String storageDir,
        List<UpstreamCause> upstream, List<String> upstreamWarnings, @Nullable List<Checkout> checkouts) {

    BuildXml {
        upstream = List.copyOf(upstream);
        upstreamWarnings = List.copyOf(upstreamWarnings);
        checkouts = checkouts == null ? null : List.copyOf(checkouts);
    }

    /**
     * One SCM checkout of a Pipeline run.
     *
     * @param scm the class of its SCM ({@code hudson.plugins.git.GitSCM}), or "" where not written
     * @param changelogFile the file name of its changelog, without the folders: {@code build.xml} gives the path on
     *     the controller that wrote it, and a copied home lives elsewhere, so the file is looked up in the run's own
     *     folder; {@code null} for a checkout without a changelog ({@code changelog: false})
     */
    record Checkout(String scm, @Nullable String changelogFile) {
    }

    static final String FILE = "build.xml";
    static final String PIPELINE_ROOT = "flow-build";
    private static final String TIME_IN_QUEUE = "jenkins.metrics.impl.TimeInQueueAction";
    private static final String CAUSE_ACTION = "hudson.model.CauseAction";
    /**
     * How the class names of the upstream causes end as XStream writes them: {@code hudson.model.Cause_-UpstreamCause}
     * and the Pipeline {@code build} step's {@code ...steps.build.BuildUpstreamCause}.
     */
    private static final String UPSTREAM_CAUSE = "UpstreamCause";

    boolean pipeline() {
        return PIPELINE_ROOT.equals(root);
    }

    /** Reads a Pipeline run's {@code build.xml}; of other builds, only the root. */
    static BuildXml read(XMLInputFactory factory, Path file) throws UnreadableFileException {
        return read(factory, file, false);
    }

    /**
     * Reads a {@code build.xml}: of a Pipeline run always, of other builds (freestyle, Maven, ...) where
     * {@code everyBuild}, else only their root element.
     */
    static BuildXml read(XMLInputFactory factory, Path file, boolean everyBuild) throws UnreadableFileException {
        try (XmlCursor cursor = XmlCursor.open(factory, file, FILE)) {
            String root = cursor.name();
            if (!everyBuild && !PIPELINE_ROOT.equals(root)) {
                return new BuildXml(root, null, null, null, null, null, null, null, List.of(), List.of(), null);
            }
            Integer number = null;
            Long timestamp = null;
            Long startTime = null;
            Long duration = null;
            String result = null;
            Actions actions = new Actions();
            String storageDir = null;
            List<Checkout> checkouts = null;
            while (cursor.nextChild(1)) {
                switch (cursor.name()) {
                    case "number" -> number = readNumber(cursor);
                    case "timestamp" -> timestamp = cursor.longValue("timestamp");
                    case "startTime" -> startTime = cursor.longValue("startTime");
                    case "duration" -> duration = cursor.longValue("duration");
                    case "result" -> {
                        String text = cursor.text().strip();
                        result = text.isEmpty() ? null : text;
                    }
                    case "actions" -> readActions(cursor, actions);
                    case "execution" -> storageDir = readStorageDir(cursor);
                    case "checkouts" -> {
                        checkouts = checkouts == null ? new ArrayList<>() : checkouts;
                        readCheckouts(cursor, checkouts);
                    }
                    default -> cursor.skip();
                }
            }
            return new BuildXml(root, number, timestamp, startTime, duration, result, actions.queuing, storageDir,
                    actions.upstream, actions.warnings, checkouts);
        }
    }

    /** {@code <checkouts><...WorkflowRun_-SCMCheckout><scm class="..."/>...<changelogFile>} of each checkout. */
    private static void readCheckouts(XmlCursor cursor, List<Checkout> checkouts) throws UnreadableFileException {
        while (cursor.nextChild(2)) {
            String scm = "";
            String changelog = null;
            while (cursor.nextChild(3)) {
                switch (cursor.name()) {
                    case "scm" -> {
                        String type = cursor.attribute("class");
                        scm = type == null ? "" : type;
                        cursor.skip();
                    }
                    case "changelogFile" -> changelog = fileName(cursor.text().strip());
                    default -> cursor.skip();
                }
            }
            checkouts.add(new Checkout(scm, changelog));
        }
    }

    /** The last name of a path written on any controller ({@code /var/...} or {@code C:\...}), or {@code null}. */
    private static @Nullable String fileName(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
    }

    private static int readNumber(XmlCursor cursor) throws UnreadableFileException {
        long number = cursor.longValue("number");
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw cursor.problem("number " + number + " is not a build number (0 to " + Integer.MAX_VALUE + ")");
        }
        return (int) number;
    }

    /** What the {@code actions} of a build say: its queue time and its upstream causes. */
    private static final class Actions {
        @Nullable Long queuing;
        final List<UpstreamCause> upstream = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
    }

    private static void readActions(XmlCursor cursor, Actions actions) throws UnreadableFileException {
        while (cursor.nextChild(2)) {
            if (actions.queuing == null && cursor.name().equals(TIME_IN_QUEUE)) {
                while (cursor.nextChild(3)) {
                    if (cursor.name().equals("queuingDurationMillis")) {
                        actions.queuing = cursor.longValue(TIME_IN_QUEUE + " queuingDurationMillis");
                    }
                }
            } else if (cursor.name().equals(CAUSE_ACTION)) {
                readCauses(cursor, actions);
            }
        }
    }

    /**
     * The upstream causes of a {@code CauseAction}: {@code causeBag} (entries of a cause and its count) since
     * Jenkins 1.531, the plain list {@code causes} before. Only the action's own causes: the upstream run's causes
     * nested inside one ({@code upstreamCauses}) belong to that run.
     */
    private static void readCauses(XmlCursor cursor, Actions actions) throws UnreadableFileException {
        while (cursor.nextChild(3)) {
            while (cursor.nextChild(4)) {
                if (cursor.name().equals("entry")) {
                    while (cursor.nextChild(5)) {
                        readCause(cursor, 6, actions);
                    }
                } else {
                    readCause(cursor, 5, actions);
                }
            }
        }
    }

    /** Reads the cause the cursor is on, at {@code depth}, where it is an upstream cause; skips it otherwise. */
    private static void readCause(XmlCursor cursor, int depth, Actions actions) throws UnreadableFileException {
        if (!cursor.name().endsWith(UPSTREAM_CAUSE)) {
            cursor.skip();
            return;
        }
        String project = null;
        String build = null;
        String nodeId = null;
        while (cursor.nextChild(depth)) {
            switch (cursor.name()) {
                case "upstreamProject" -> project = cursor.text().strip();
                case "upstreamBuild" -> build = cursor.text().strip();
                case "upstreamNodeId" -> nodeId = cursor.text().strip();
                default -> cursor.skip();
            }
        }
        Integer number = null;
        if (build != null) {
            try {
                number = Integer.valueOf(build);
            } catch (NumberFormatException e) {
                number = null;
            }
        }
        if (project == null || project.isEmpty() || number == null || number < 0) {
            actions.warnings.add("an upstream cause without " + (project == null || project.isEmpty()
                    ? "its upstream project" : "a build number ('" + XmlCursor.abbreviate(String.valueOf(build))
                    + "')") + " is left out");
            return;
        }
        actions.upstream.add(new UpstreamCause(project, number, nodeId == null || nodeId.isEmpty() ? null : nodeId));
    }

    private static @Nullable String readStorageDir(XmlCursor cursor) throws UnreadableFileException {
        String storageDir = null;
        while (cursor.nextChild(2)) {
            if (cursor.name().equals("storageDir")) {
                String text = cursor.text().strip();
                storageDir = text.isEmpty() ? null : text;
            }
        }
        return storageDir;
    }
}
