package io.jenkins.plugins.valuestream.ui;

import hudson.model.Job;
import io.jenkins.plugins.valuestream.flags.BaselineReset;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a job's baseline starts: after "reset baseline" (a deliberate change made the job slower or faster), the
 * slow-step detector compares runs only with runs from the reset on (the model's {@link BaselineReset}), so the old
 * history raises no flags. Kept as one number (the first build of the new baseline) in a small file in the job's
 * folder, beside its value-stream store.
 */
public final class BaselineStart {
    private static final Logger LOGGER = Logger.getLogger(BaselineStart.class.getName());
    /** The file, relative to the job's root folder. */
    static final String FILE = "value-stream/baseline-start";

    private BaselineStart() {
    }

    /** The job's baseline reset; none when it was never reset or the file cannot be read. */
    public static BaselineReset of(Job<?, ?> job) {
        Path file = file(job);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return new BaselineReset(Math.max(0, Integer.parseInt(text)));
        } catch (NoSuchFileException e) {
            return BaselineReset.NONE;
        } catch (IOException | NumberFormatException e) {
            LOGGER.log(Level.WARNING, "Ignoring the baseline start of " + job.getFullName() + " in " + file
                    + ": expected one build number", e);
            return BaselineReset.NONE;
        }
    }

    /**
     * Starts a new baseline with the job's next build: runs already running or finished no longer count in it.
     *
     * @return the first build number of the new baseline
     */
    public static int reset(Job<?, ?> job) throws IOException {
        int first = job.getNextBuildNumber();
        Path file = file(job);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, first + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return first;
    }

    private static Path file(Job<?, ?> job) {
        return new File(job.getRootDir(), FILE).toPath();
    }
}
