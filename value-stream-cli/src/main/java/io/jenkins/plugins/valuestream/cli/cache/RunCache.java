package io.jenkins.plugins.valuestream.cli.cache;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.store.JobStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The process maps of completed runs, kept between reports: one {@link JobStore} file per job of each source, under
 * {@code <folder>/<version>/<source>/<job>.vsstore}. A source is told apart by what identifies it (a server's address,
 * a folder's real path), a job by its full name; both are hashed into the file names, with a readable prefix.
 *
 * <p>The cache never decides a report: a run it does not have is read from the source, a damaged store only loses
 * the runs it can no longer read (they are read again), and when the cache cannot be used at all the report goes on
 * without it and says why.
 */
public final class RunCache {
    /**
     * Bumped whenever the process maps computed from the same run would differ: maps cached by an older version are
     * then in another folder and never read. v2: maps keep their lock acquisitions; v3: their errors and input
     * decisions.
     */
    static final String LAYOUT = "v3";

    private final Path folder;
    private final Consumer<String> progress;

    /**
     * @param folder the cache's folder (created on the first write)
     * @param progress where to say what the cache did
     */
    public RunCache(Path folder, Consumer<String> progress) {
        this.folder = folder;
        this.progress = progress;
    }

    /**
     * The default folder: {@code $XDG_CACHE_HOME/value-stream}, else {@code %LOCALAPPDATA%\value-stream} on Windows,
     * else {@code ~/.cache/value-stream}.
     */
    public static Path defaultFolder(Map<String, String> environment, String userHome, String osName) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "value-stream");
        }
        String local = environment.get("LOCALAPPDATA");
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows") && local != null && !local.isBlank()) {
            return Path.of(local, "value-stream", "cache");
        }
        return Path.of(userHome, ".cache", "value-stream");
    }

    public Path folder() {
        return folder;
    }

    /** The store of one job of a source. */
    public Path storeFile(String source, String job) {
        return folder.resolve(LAYOUT).resolve(readable(source, 40) + "-" + hash(source, 16))
                .resolve(readable(job, 60) + "-" + hash(job, 12) + ".vsstore");
    }

    /** What a job's store holds for a report, and the numbers to read from the source. */
    public record Lookup(List<ProcessMap> cached, Set<Integer> skip) {
        public Lookup {
            cached = List.copyOf(cached);
            skip = Set.copyOf(skip);
        }
    }

    /**
     * The cached maps of the listed runs (the running ones never are). Damage in the store is said and its lost runs
     * are read again; a store that cannot be read at all is as good as an empty one.
     */
    public Lookup lookup(String source, String job, Collection<Integer> listed) {
        Path file = storeFile(source, job);
        if (!Files.exists(file)) {
            return new Lookup(List.of(), Set.of());
        }
        SortedSet<Integer> wanted = new TreeSet<>(listed);
        try (JobStore store = JobStore.open(file)) {
            List<ProcessMap> cached = new ArrayList<>();
            for (ProcessMap map : store.readAll()) {
                if (wanted.contains(map.number()) && !map.running()) {
                    cached.add(map);
                }
            }
            for (String warning : store.warnings()) {
                progress.accept("warning: cache " + file + ": " + warning);
            }
            Set<Integer> skip = new TreeSet<>();
            cached.forEach(map -> skip.add(map.number()));
            return new Lookup(cached, skip);
        } catch (IOException | RuntimeException e) {
            progress.accept("warning: cache " + file + " cannot be read (" + e.getMessage()
                    + "); reading every run from the source");
            return new Lookup(List.of(), Set.of());
        }
    }

    /** Keeps the completed runs among those read; a failure to write is said, never fatal. */
    public void keep(String source, String job, Collection<ProcessMap> read) {
        List<ProcessMap> completed = read.stream().filter(map -> !map.running()).toList();
        if (completed.isEmpty()) {
            return;
        }
        Path file = storeFile(source, job);
        try {
            Path folder = Objects.requireNonNull(file.getParent(), "a store file is inside the cache folder");
            Files.createDirectories(folder);
            Path about = folder.resolve("source.txt");
            if (!Files.exists(about)) {
                Files.writeString(about, source + System.lineSeparator(), StandardCharsets.UTF_8);
            }
            try (JobStore store = JobStore.open(file)) {
                store.appendAll(completed);
            }
        } catch (IOException | RuntimeException e) {
            progress.accept("warning: cache " + file + " cannot be written (" + e.getMessage()
                    + "); the next report reads these runs again");
        }
    }

    /** A name made of the text's letters and digits, for people looking at the folder. */
    private static String readable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '.';
            if (plain) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        String name = out.toString().replaceAll("^[._]+", "");
        return name.isEmpty() ? "x" : name;
    }

    private static String hash(String text, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
