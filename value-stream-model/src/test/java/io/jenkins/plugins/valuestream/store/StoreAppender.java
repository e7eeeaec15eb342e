package io.jenkins.plugins.valuestream.store;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second process appending to a store, for the test of appends from two processes: {@code file from count}. */
public final class StoreAppender {
    private StoreAppender() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int from = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        List<ProcessMap> maps = new ArrayList<>();
        for (int number = from; number < from + count; number++) {
            maps.add(StoreFixtures.pipelineRun(number, 3));
        }
        System.out.println("ready");
        System.out.flush();
        try (JobStore store = JobStore.open(file)) {
            for (ProcessMap map : maps) {
                store.append(map);
            }
        }
        System.out.println("appended " + count);
    }
}
