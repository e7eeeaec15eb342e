package io.jenkins.plugins.valuestream.critical;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.testing.RunFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Random pipelines, laid out in time the way Jenkins runs them: a step does some work of its own, then its blocks one
 * after the other, with some of its own time between them; the branches of a block start together (or a little
 * late) and the block ends with its last branch. Laying a pipeline out again with one step taking no time shows,
 * independently of {@link RunSchedule}, what that step cost the run.
 */
final class GeneratedRuns {
    private GeneratedRuns() {
    }

    /** One step of a generated pipeline; its blocks are lists of branches, one branch for a step on its own. */
    record Plan(String name, long before, long after, List<Long> between, List<List<Plan>> blocks, long lateBy) {
    }

    /** A pipeline of up to {@code depth} levels below the run. */
    static Plan pipeline(Random random, int depth) {
        return plan(random, "run", depth, 0);
    }

    private static Plan plan(Random random, String name, int depth, long lateBy) {
        List<List<Plan>> blocks = new ArrayList<>();
        List<Long> between = new ArrayList<>();
        int count = depth <= 0 ? 0 : random.nextInt(4);
        for (int b = 0; b < count; b++) {
            int branches = 1 + (random.nextInt(3) == 0 ? 0 : random.nextInt(4));
            List<Plan> block = new ArrayList<>();
            for (int i = 0; i < branches; i++) {
                // A parallel starts its branches at once; now and then one of them a little later.
                long late = i > 0 && random.nextInt(4) == 0 ? random.nextInt(3_000) : 0;
                block.add(plan(random, name.equals("run") ? "s" + b + "b" + i : name + "-" + b + "b" + i,
                        depth - 1 - random.nextInt(2), late));
            }
            blocks.add(block);
            between.add(random.nextInt(3) == 0 ? (long) random.nextInt(5_000) : 0L);
        }
        long work = random.nextInt(5) == 0 ? 0 : random.nextInt(100_000);
        return new Plan(name, work / 3, work - work / 3, between, blocks, lateBy);
    }

    /** Every step of the pipeline below the run, in the order {@link #layOut} adds them. */
    static List<Plan> steps(Plan pipeline) {
        List<Plan> all = new ArrayList<>();
        collect(pipeline, all);
        all.remove(0);
        return all;
    }

    private static void collect(Plan plan, List<Plan> all) {
        all.add(plan);
        plan.blocks().forEach(block -> block.forEach(branch -> collect(branch, all)));
    }

    /** The run's map; the step {@code instant}, where given, taking no time, nor its children. */
    static ProcessMap layOut(Plan pipeline, long queue, @Nullable Plan instant) {
        RunFixture run = RunFixture.run(1).queued(queue);
        long[] outside = new long[2];
        long end = place(run, pipeline, "", null, 0, instant, outside, new int[1]);
        if (outside[1] > 0) {
            long first = outside[0];
            long total = outside[1];
            run.outside(s -> s.at(first).elapsed(total));
        }
        return run.duration(end).build();
    }

    /** Adds the step and its children starting at {@code at}; returns its end. */
    private static long place(RunFixture run, Plan plan, String parent, @Nullable String group, long at,
            @Nullable Plan instant, long[] outside, int[] parallels) {
        boolean isRun = parent.isEmpty() && plan.name().equals("run");
        String path = isRun ? "" : parent.isEmpty() ? plan.name() : parent + "/" + plan.name();
        long cursor = at;
        if (plan != instant) {
            cursor = own(isRun, outside, cursor, plan.before());
            for (int b = 0; b < plan.blocks().size(); b++) {
                List<Plan> block = plan.blocks().get(b);
                String parallel = block.size() > 1 ? String.valueOf(++parallels[0]) : null;
                long blockEnd = cursor;
                for (Plan branch : block) {
                    long branchEnd = place(run, branch, path, parallel, cursor + branch.lateBy(), instant, outside,
                            parallels);
                    blockEnd = Math.max(blockEnd, branchEnd);
                }
                cursor = own(isRun, outside, blockEnd, plan.between().get(b));
            }
            cursor = own(isRun, outside, cursor, plan.after());
        }
        if (!isRun) {
            long start = at;
            long elapsed = cursor - at;
            run.step(path, s -> {
                s.at(start).process(elapsed);
                if (group != null) {
                    s.parallel(group);
                }
            });
        }
        return cursor;
    }

    /** The run's own time goes to its outside step; a step's own time is just time. */
    private static long own(boolean isRun, long[] outside, long cursor, long millis) {
        if (isRun && millis > 0) {
            if (outside[1] == 0) {
                outside[0] = cursor;
            }
            outside[1] += millis;
        }
        return cursor + millis;
    }
}
