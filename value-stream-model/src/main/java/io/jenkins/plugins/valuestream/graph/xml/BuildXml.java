package io.jenkins.plugins.valuestream.graph.xml;

import java.nio.file.Path;
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
 */
record BuildXml(String root, @Nullable Integer number, @Nullable Long timestamp, @Nullable Long startTime,
        @Nullable Long duration, @Nullable String result, @Nullable Long queuingMillis, @Nullable String storageDir) {

    static final String FILE = "build.xml";
    static final String PIPELINE_ROOT = "flow-build";
    private static final String TIME_IN_QUEUE = "jenkins.metrics.impl.TimeInQueueAction";

    boolean pipeline() {
        return PIPELINE_ROOT.equals(root);
    }

    static BuildXml read(XMLInputFactory factory, Path file) throws UnreadableFileException {
        try (XmlCursor cursor = XmlCursor.open(factory, file, FILE)) {
            String root = cursor.name();
            if (!PIPELINE_ROOT.equals(root)) {
                return new BuildXml(root, null, null, null, null, null, null, null);
            }
            Integer number = null;
            Long timestamp = null;
            Long startTime = null;
            Long duration = null;
            String result = null;
            Long queuing = null;
            String storageDir = null;
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
                    case "actions" -> queuing = readQueuing(cursor);
                    case "execution" -> storageDir = readStorageDir(cursor);
                    default -> cursor.skip();
                }
            }
            return new BuildXml(root, number, timestamp, startTime, duration, result, queuing, storageDir);
        }
    }

    private static int readNumber(XmlCursor cursor) throws UnreadableFileException {
        long number = cursor.longValue("number");
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw cursor.problem("number " + number + " is not a build number (0 to " + Integer.MAX_VALUE + ")");
        }
        return (int) number;
    }

    private static @Nullable Long readQueuing(XmlCursor cursor) throws UnreadableFileException {
        Long queuing = null;
        while (cursor.nextChild(2)) {
            if (queuing == null && cursor.name().equals(TIME_IN_QUEUE)) {
                while (cursor.nextChild(3)) {
                    if (cursor.name().equals("queuingDurationMillis")) {
                        queuing = cursor.longValue(TIME_IN_QUEUE + " queuingDurationMillis");
                    }
                }
            }
        }
        return queuing;
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
