package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.dora.DeploymentFrequency;
import io.jenkins.plugins.valuestream.dora.DoraFigures;
import io.jenkins.plugins.valuestream.dora.LeadTimeForChanges;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.List;
import java.util.Locale;

/**
 * The delivery figures (DORA) in words, as the report's "Delivery (DORA)" section and the plugin's Value Stream tab
 * show them: each figure, its value, and what it rests on (docs/definitions.md, "Delivery: DORA").
 */
public final class DoraView {
    private DoraView() {
    }

    /**
     * One figure as shown.
     *
     * @param label the figure's name
     * @param value its value in words, {@code unknown} where the runs do not tell
     * @param basis what it rests on
     */
    public record Row(String label, String value, String basis) {
    }

    /** The four figures; none where no run of the window deploys (then every figure is unknown). */
    public static List<Row> rows(DoraFigures dora) {
        Integer deployments = dora.deployments();
        if (deployments == null) {
            return List.of();
        }
        LeadTimeForChanges lead = dora.leadTimeForChanges();
        Long median = lead.median();
        Long p90 = lead.p90();
        int successful = dora.successfulDeployments() == null ? 0 : dora.successfulDeployments();
        int failed = dora.failedDeployments() == null ? 0 : dora.failedDeployments();
        DeploymentFrequency frequency = dora.deploymentFrequency();
        Double failureRate = dora.changeFailureRate();
        Distribution recovery = dora.recovery();
        return List.of(
                new Row("Lead time for changes", median == null || p90 == null ? "unknown"
                        : "median " + Durations.format(median) + ", p90 " + Durations.format(p90), leadBasis(lead)),
                new Row("Deployment frequency", frequency == null ? "unknown" : perDay(frequency),
                        successful + " successful deployment" + plural(successful) + (frequency == null ? ""
                                : " over " + String.format(Locale.ROOT, "%.1f", frequency.days()) + " days")),
                new Row("Change failure rate", failureRate == null ? "unknown" : HumanText.percent(failureRate),
                        failed + " failed of " + deployments + " deployment" + plural(deployments)),
                new Row("Failed deployment recovery time", recovery == null ? "unknown"
                        : "median " + Durations.format(recovery.median()) + ", p90 "
                                + Durations.format(recovery.p90()),
                        dora.recoveries() + " recover" + (dora.recoveries() == 1 ? "y" : "ies")
                                + " from a failed deployment to the next successful one"));
    }

    /** Which steps deploy, and how a change's lead time is counted. */
    public static String note(DoraFigures dora) {
        return "Deploying steps: the processSteps marked deploys: true" + (dora.rule().stages().isEmpty() ? ""
                : " and the stages " + String.join(", ", dora.rule().stages().stream().sorted().toList()))
                + ". A change is shipped by the first successful deployment from its run on; its lead time runs"
                + " from its commit to the end of that deployment's last deploying step.";
    }

    private static String leadBasis(LeadTimeForChanges lead) {
        if (lead.changes() == null) {
            return "the changes of the runs deployed are not known (no changelog)";
        }
        String basis = lead.changes() + " change" + plural(lead.changes()) + " deployed";
        if (lead.unknown() != null && lead.unknown() > 0) {
            basis += ", " + lead.unknown() + " more without a commit time";
        }
        if (lead.runsWithUnknownChanges() > 0) {
            basis += "; " + lead.runsWithUnknownChanges() + " run" + plural(lead.runsWithUnknownChanges())
                    + " deployed without known changes";
        }
        return basis;
    }

    private static String perDay(DeploymentFrequency frequency) {
        return frequency.perDay() >= 1 ? String.format(Locale.ROOT, "%.1f per day", frequency.perDay())
                : String.format(Locale.ROOT, "%.1f per week", frequency.perWeek());
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }
}
