package io.jenkins.plugins.valuestream.steps;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.codec.BudgetVerdictCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The budget verdicts a run's budgeted blocks reached, kept on the run and saved in its {@code build.xml}: per block
 * (the id of its start node), its latest verdict in the model's compact form, as of its last check while it ran and,
 * once it has ended, as of its end. The build page shows these, so it says what the blocks decided without
 * evaluating anything again. A run without budgeted blocks has none.
 */
public final class BudgetVerdictAction extends InvisibleAction {
    private static final Logger LOGGER = Logger.getLogger(BudgetVerdictAction.class.getName());
    /** Guards adding the one action of a run, which blocks in parallel branches may do at the same moment. */
    private static final Object ATTACHING = new Object();

    /**
     * Block start node id to the stored form of its verdict, in the order the blocks first checked. Replaced, never
     * changed, so that saving the run while a block checks reads a whole map.
     */
    private volatile LinkedHashMap<String, String> verdicts = new LinkedHashMap<>();

    private BudgetVerdictAction() {
    }

    /**
     * Keeps a block's verdict on its run, replacing the block's earlier one.
     *
     * @param blockId the id of the block's start node
     * @param save whether to save the run now (a block's last verdict); others go with the run's next save
     */
    static void record(Run<?, ?> run, String blockId, BudgetVerdict verdict, boolean save) throws IOException {
        BudgetVerdictAction action;
        synchronized (ATTACHING) {
            action = run.getAction(BudgetVerdictAction.class);
            if (action == null) {
                action = new BudgetVerdictAction();
                run.addAction(action);
            }
        }
        action.put(blockId, BudgetVerdictCodec.write(verdict));
        if (save) {
            run.save();
        }
    }

    /** A {@code build.xml} whose action lost its map still reads as an action without verdicts. */
    private Object readResolve() {
        if (verdicts == null) {
            verdicts = new LinkedHashMap<>();
        }
        return this;
    }

    private synchronized void put(String blockId, String verdict) {
        LinkedHashMap<String, String> next = new LinkedHashMap<>(verdicts);
        next.put(blockId, verdict);
        verdicts = next;
    }

    /** The verdicts of the run's blocks, in the order the blocks first checked; an unreadable one is left out. */
    public List<BudgetVerdict> getVerdicts() {
        List<BudgetVerdict> read = new ArrayList<>();
        for (Map.Entry<String, String> entry : verdicts.entrySet()) {
            BudgetVerdict verdict = read(entry.getKey(), entry.getValue());
            if (verdict != null) {
                read.add(verdict);
            }
        }
        return read;
    }

    /** The checks of every block's verdict, block after block. */
    public List<BudgetCheck> checks() {
        return getVerdicts().stream().flatMap(verdict -> verdict.checks().stream()).toList();
    }

    private static @Nullable BudgetVerdict read(String blockId, String stored) {
        try {
            return BudgetVerdictCodec.read(stored);
        } catch (IllegalArgumentException e) {
            LOGGER.log(Level.WARNING, "Cannot read the budget verdict of block {0}: {1}",
                    new Object[] {blockId, e.getMessage()});
            return null;
        }
    }
}
