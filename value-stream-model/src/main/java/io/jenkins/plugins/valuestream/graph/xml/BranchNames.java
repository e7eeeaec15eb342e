package io.jenkins.plugins.valuestream.graph.xml;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The name Jenkins gives a multibranch branch job, which its folder on disk may not have: branch folders are
 * name-mangled ({@code feature-x.msnreb} for {@code feature_x}), while upstream causes name the job by its full name
 * ({@code project/feature_x}, {@code project/feature%2Fx} for the branch {@code feature/x}).
 */
public final class BranchNames {
    private static final String BRANCH_PROPERTY = "org.jenkinsci.plugins.workflow.multibranch.BranchJobProperty";

    private BranchNames() {
    }

    /**
     * The job name of the branch job in {@code branchFolder} ({@code <project>/branches/<folder>}): its branch's
     * name from {@code config.xml} ({@code BranchJobProperty/branch/head/name}) with {@code %} and {@code /} encoded
     * as Jenkins encodes them in job names; {@code null} where the folder has no readable such {@code config.xml}
     * (then the folder's own name is all there is).
     */
    public static @Nullable String jobName(Path branchFolder) {
        Path config = branchFolder.resolve("config.xml");
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try (XmlCursor cursor = XmlCursor.open(SafeXml.newFactory(), config, "config.xml")) {
            while (cursor.nextChild(1)) {
                if (!cursor.name().equals("properties")) {
                    continue;
                }
                while (cursor.nextChild(2)) {
                    if (!cursor.name().equals(BRANCH_PROPERTY)) {
                        continue;
                    }
                    String name = headName(cursor);
                    return name == null || name.isEmpty() ? null : encode(name);
                }
            }
            return null;
        } catch (UnreadableFileException e) {
            // A damaged config.xml only costs the branch its real name: its runs are still read.
            return null;
        }
    }

    private static @Nullable String headName(XmlCursor cursor) throws UnreadableFileException {
        while (cursor.nextChild(3)) {
            if (cursor.name().equals("branch")) {
                while (cursor.nextChild(4)) {
                    if (cursor.name().equals("head")) {
                        while (cursor.nextChild(5)) {
                            if (cursor.name().equals("name")) {
                                return cursor.text().strip();
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The branch name as a job name: {@code %} and {@code /}, which a job name cannot hold, percent-encoded. */
    static String encode(String branch) {
        return branch.replace("%", "%25").replace("/", "%2F");
    }
}
