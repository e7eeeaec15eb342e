package io.jenkins.plugins.valuestream.view.html;

import io.jenkins.plugins.valuestream.dora.DeploymentFrequency;
import io.jenkins.plugins.valuestream.dora.DoraFigures;
import io.jenkins.plugins.valuestream.dora.LeadTimeForChanges;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.HumanText;
import io.jenkins.plugins.valuestream.view.markup.MarkupWriter;
import java.util.List;
import java.util.Locale;

/**
 * The report's "Delivery (DORA)" section: the four figures in words, and what they rest on (docs/definitions.md,
 * "Delivery: DORA"). A job none of whose runs deploys says how to mark its deployments instead of showing zeros.
 */
final class DoraSection {

    private DoraSection() {
    }

    static void write(MarkupWriter out, DoraFigures dora, String jobId) {
        out.open("div", "class", "vs-dora", "id", jobId + "-dora", "role", "region", "aria-labelledby",
                jobId + "-dora-title");
        out.element("h3", "Delivery (DORA)", "id", jobId + "-dora-title");
        Integer deployments = dora.deployments();
        if (deployments == null) {
            out.element("p", "Not known: no run of the window has a deploying step. Mark the step that deploys to"
                    + " production with processStep(name: 'Deploy', deploys: true), or name its stage with"
                    + " --deploy-stage.", "class", "vs-empty");
            out.close();
            return;
        }
        out.open("table", "class", "vs-table vs-dora-figures");
        Tables.head(out, List.of("Figure", "Value", "Rests on"));
        out.open("tbody");
        LeadTimeForChanges lead = dora.leadTimeForChanges();
        Long median = lead.median();
        Long p90 = lead.p90();
        row(out, "Lead time for changes", median == null || p90 == null ? "unknown"
                : "median " + Durations.format(median) + ", p90 " + Durations.format(p90), leadBasis(lead));
        int successful = dora.successfulDeployments() == null ? 0 : dora.successfulDeployments();
        int failed = dora.failedDeployments() == null ? 0 : dora.failedDeployments();
        DeploymentFrequency frequency = dora.deploymentFrequency();
        row(out, "Deployment frequency", frequency == null ? "unknown" : perDay(frequency),
                successful + " successful deployment" + plural(successful)
                        + (frequency == null ? "" : " over " + String.format(Locale.ROOT, "%.1f", frequency.days())
                        + " days"));
        row(out, "Change failure rate", dora.changeFailureRate() == null ? "unknown"
                : HumanText.percent(dora.changeFailureRate()),
                failed + " failed of " + deployments + " deployment" + plural(deployments));
        row(out, "Failed deployment recovery time", dora.recovery() == null ? "unknown"
                : "median " + Durations.format(dora.recovery().median()) + ", p90 "
                        + Durations.format(dora.recovery().p90()),
                dora.recoveries() + " recover" + (dora.recoveries() == 1 ? "y" : "ies")
                        + " from a failed deployment to the next successful one");
        out.close().close();
        out.element("p", "Deploying steps: the processSteps marked deploys: true" + (dora.rule().stages().isEmpty()
                ? "" : " and the stages " + String.join(", ", dora.rule().stages().stream().sorted().toList()))
                + ". A change is shipped by the first successful deployment from its run on; its lead time runs"
                + " from its commit to the end of that deployment's last deploying step.", "class", "vs-muted");
        out.close();
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

    private static void row(MarkupWriter out, String label, String value, String basis) {
        out.open("tr");
        out.element("th", label, "scope", "row");
        out.element("td", value, "class", "vs-num");
        out.element("td", basis);
        out.close();
    }
}
