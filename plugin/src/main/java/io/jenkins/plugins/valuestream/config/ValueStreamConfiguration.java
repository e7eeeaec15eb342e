package io.jenkins.plugins.valuestream.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.valuestream.export.OtlpEndpoint;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.stream.RunWindow;
import io.jenkins.plugins.valuestream.time.Durations;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The plugin's global settings (Manage Jenkins » System, and Configuration as Code under {@code unclassified:
 * valueStream:}): whether runs are recorded, the default wait budget, the thresholds of the slow-step and redundancy
 * detectors, and the default window of the Value Stream tab. Durations are kept as users write them ({@code 30s});
 * the model reads them.
 */
@Extension
@Symbol("valueStream")
public class ValueStreamConfiguration extends GlobalConfiguration {
    private static final Logger LOGGER = Logger.getLogger(ValueStreamConfiguration.class.getName());
    private static final int DEFAULT_WINDOW_SIZE = 50;

    private boolean recording;
    private @Nullable String defaultWaitBudget;

    private int baselineRuns;
    private int minSamples;
    private double madFactor;
    private double relativeFloor;
    private String absoluteFloor;
    private String waitAbsoluteFloor;
    private String noOpThreshold;
    private double noOpShare;
    private int noOpMinRuns;
    private String minDuplicate;
    private String repeatedAgentFloor;
    private String noOpWindowFloor;
    private double leadTimeShare;

    private int windowSize;
    private boolean windowSuccessfulOnly;
    private @Nullable String otlpEndpoint;

    /** While the configuration form is being bound: setters do not save half-checked values. */
    private transient boolean binding;

    public ValueStreamConfiguration() {
        resetToDefaults();
        load();
    }

    /** The defaults, also for settings a saved file does not name (it was written by an older version). */
    private void resetToDefaults() {
        DetectorSettings defaults = DetectorSettings.defaults();
        recording = true;
        defaultWaitBudget = null;
        baselineRuns = defaults.baselineRuns();
        minSamples = defaults.minSamples();
        madFactor = defaults.madFactor();
        relativeFloor = defaults.relativeFloor();
        absoluteFloor = Durations.format(defaults.absoluteFloorMillis());
        waitAbsoluteFloor = Durations.format(defaults.waitAbsoluteFloorMillis());
        noOpThreshold = Durations.format(defaults.noOpMillis());
        noOpShare = defaults.noOpShare();
        noOpMinRuns = defaults.noOpMinRuns();
        minDuplicate = Durations.format(defaults.minDuplicateMillis());
        repeatedAgentFloor = Durations.format(defaults.repeatedAgentFloorMillis());
        noOpWindowFloor = Durations.format(defaults.noOpWindowFloorMillis());
        leadTimeShare = defaults.leadTimeShare();
        windowSize = DEFAULT_WINDOW_SIZE;
        windowSuccessfulOnly = false;
        otlpEndpoint = null;
    }

    @Override
    public synchronized void save() {
        if (!binding) {
            super.save();
        }
    }

    /** The one instance. */
    public static ValueStreamConfiguration get() {
        return ExtensionList.lookupSingleton(ValueStreamConfiguration.class);
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        binding = true;
        try {
            super.configure(req, json);
        } finally {
            binding = false;
        }
        // Each field is checked as it is typed; here all of them together, before anything is kept.
        String field = "baselineRuns";
        try {
            buildDetectorSettings();
            if (defaultWaitBudget != null) {
                field = "defaultWaitBudget";
                Durations.parse("defaultWaitBudget", defaultWaitBudget);
            }
            if (otlpEndpoint != null) {
                field = "otlpEndpoint";
                OtlpEndpoint.metricsUrl(otlpEndpoint);
            }
        } catch (IllegalArgumentException e) {
            resetToDefaults();
            load();
            throw new FormException(e.getMessage(), field);
        }
        save();
        return true;
    }

    @Override
    public String getDisplayName() {
        return Messages.ValueStreamConfiguration_displayName();
    }

    // ---- recording -------------------------------------------------------------------------------------------

    /** Whether completed Pipeline runs get a process map (jobs may still opt out one by one). */
    public boolean isRecording() {
        return recording;
    }

    @DataBoundSetter
    public void setRecording(boolean recording) {
        this.recording = recording;
        save();
    }

    // ---- export ----------------------------------------------------------------------------------------------

    /**
     * Where each recorded run's figures are sent as OpenTelemetry metrics over OTLP/HTTP ({@code
     * http://collector:4318}), or {@code null} to send none (docs/export.md).
     */
    public @Nullable String getOtlpEndpoint() {
        return otlpEndpoint;
    }

    @DataBoundSetter
    public void setOtlpEndpoint(@Nullable String otlpEndpoint) {
        this.otlpEndpoint = Util.fixEmptyAndTrim(otlpEndpoint);
        save();
    }

    /** The OTLP metrics URL, or {@code null} when none is set or it is not a URL (said in the log). */
    public @Nullable URI otlpMetricsUrl() {
        if (otlpEndpoint == null) {
            return null;
        }
        try {
            return OtlpEndpoint.metricsUrl(otlpEndpoint);
        } catch (IllegalArgumentException e) {
            LOGGER.log(Level.WARNING, "Sending no OpenTelemetry metrics: otlpEndpoint {0}", e.getMessage());
            return null;
        }
    }

    /** Checks the endpoint as it is typed. */
    @POST
    public FormValidation doCheckOtlpEndpoint(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        try {
            return FormValidation.ok(Messages.ValueStreamConfiguration_otlpSendsTo(OtlpEndpoint.metricsUrl(value)));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    // ---- budget ----------------------------------------------------------------------------------------------

    /** The wait budget of {@code valueStream} blocks that give no budget of their own, or {@code null} for none. */
    public @Nullable String getDefaultWaitBudget() {
        return defaultWaitBudget;
    }

    @DataBoundSetter
    public void setDefaultWaitBudget(@Nullable String defaultWaitBudget) {
        this.defaultWaitBudget = Util.fixEmptyAndTrim(defaultWaitBudget);
        save();
    }

    /** The default wait budget in milliseconds, or {@code null} when there is none or it cannot be read. */
    public @Nullable Long defaultWaitBudgetMillis() {
        if (defaultWaitBudget == null) {
            return null;
        }
        try {
            return Durations.parse("defaultWaitBudget", defaultWaitBudget);
        } catch (IllegalArgumentException e) {
            LOGGER.log(Level.WARNING, "Ignoring the default wait budget: {0}", e.getMessage());
            return null;
        }
    }

    // ---- detectors -------------------------------------------------------------------------------------------

    public int getBaselineRuns() {
        return baselineRuns;
    }

    @DataBoundSetter
    public void setBaselineRuns(int baselineRuns) {
        this.baselineRuns = baselineRuns;
        save();
    }

    public int getMinSamples() {
        return minSamples;
    }

    @DataBoundSetter
    public void setMinSamples(int minSamples) {
        this.minSamples = minSamples;
        save();
    }

    public double getMadFactor() {
        return madFactor;
    }

    @DataBoundSetter
    public void setMadFactor(double madFactor) {
        this.madFactor = madFactor;
        save();
    }

    public double getRelativeFloor() {
        return relativeFloor;
    }

    @DataBoundSetter
    public void setRelativeFloor(double relativeFloor) {
        this.relativeFloor = relativeFloor;
        save();
    }

    public String getAbsoluteFloor() {
        return absoluteFloor;
    }

    @DataBoundSetter
    public void setAbsoluteFloor(@Nullable String absoluteFloor) {
        this.absoluteFloor = Util.fixNull(absoluteFloor).trim();
        save();
    }

    public String getWaitAbsoluteFloor() {
        return waitAbsoluteFloor;
    }

    @DataBoundSetter
    public void setWaitAbsoluteFloor(@Nullable String waitAbsoluteFloor) {
        this.waitAbsoluteFloor = Util.fixNull(waitAbsoluteFloor).trim();
        save();
    }

    public String getNoOpThreshold() {
        return noOpThreshold;
    }

    @DataBoundSetter
    public void setNoOpThreshold(@Nullable String noOpThreshold) {
        this.noOpThreshold = Util.fixNull(noOpThreshold).trim();
        save();
    }

    public double getNoOpShare() {
        return noOpShare;
    }

    @DataBoundSetter
    public void setNoOpShare(double noOpShare) {
        this.noOpShare = noOpShare;
        save();
    }

    public int getNoOpMinRuns() {
        return noOpMinRuns;
    }

    @DataBoundSetter
    public void setNoOpMinRuns(int noOpMinRuns) {
        this.noOpMinRuns = noOpMinRuns;
        save();
    }

    public String getMinDuplicate() {
        return minDuplicate;
    }

    @DataBoundSetter
    public void setMinDuplicate(@Nullable String minDuplicate) {
        this.minDuplicate = Util.fixNull(minDuplicate).trim();
        save();
    }

    public String getRepeatedAgentFloor() {
        return repeatedAgentFloor;
    }

    @DataBoundSetter
    public void setRepeatedAgentFloor(@Nullable String repeatedAgentFloor) {
        this.repeatedAgentFloor = Util.fixNull(repeatedAgentFloor).trim();
        save();
    }

    public String getNoOpWindowFloor() {
        return noOpWindowFloor;
    }

    @DataBoundSetter
    public void setNoOpWindowFloor(@Nullable String noOpWindowFloor) {
        this.noOpWindowFloor = Util.fixNull(noOpWindowFloor).trim();
        save();
    }

    public double getLeadTimeShare() {
        return leadTimeShare;
    }

    @DataBoundSetter
    public void setLeadTimeShare(double leadTimeShare) {
        this.leadTimeShare = leadTimeShare;
        save();
    }

    /**
     * The detector settings as configured, or the defaults (with a warning in the log) where the configured ones do
     * not make sense together, e.g. set through Configuration as Code.
     */
    public DetectorSettings detectorSettings() {
        try {
            return buildDetectorSettings();
        } catch (IllegalArgumentException e) {
            LOGGER.log(Level.WARNING, "Using the default detector settings: {0}", e.getMessage());
            return DetectorSettings.defaults();
        }
    }

    private DetectorSettings buildDetectorSettings() {
        return DetectorSettings.builder()
                .baselineRuns(baselineRuns)
                .minSamples(minSamples)
                .madFactor(madFactor)
                .relativeFloor(relativeFloor)
                .absoluteFloorMillis(floorMillis("absoluteFloor", absoluteFloor))
                .waitAbsoluteFloorMillis(floorMillis("waitAbsoluteFloor", waitAbsoluteFloor))
                .noOpMillis(floorMillis("noOpThreshold", noOpThreshold))
                .noOpShare(noOpShare)
                .noOpMinRuns(noOpMinRuns)
                .minDuplicateMillis(floorMillis("minDuplicate", minDuplicate))
                .repeatedAgentFloorMillis(floorMillis("repeatedAgentFloor", repeatedAgentFloor))
                .noOpWindowFloorMillis(floorMillis("noOpWindowFloor", noOpWindowFloor))
                .leadTimeShare(leadTimeShare)
                .build();
    }

    /** A floor may be zero ("0", "0s": no floor), which a budget may not; an empty field is no floor either. */
    private static long floorMillis(String field, String text) {
        return text.isBlank() ? 0 : Durations.parseNonNegative(field, text);
    }

    // ---- window ----------------------------------------------------------------------------------------------

    /** How many recent runs the Value Stream tab shows unless the user picks another window. */
    public int getWindowSize() {
        return windowSize;
    }

    @DataBoundSetter
    public void setWindowSize(int windowSize) {
        this.windowSize = windowSize;
        save();
    }

    /** Whether the default window holds only successful runs. */
    public boolean isWindowSuccessfulOnly() {
        return windowSuccessfulOnly;
    }

    @DataBoundSetter
    public void setWindowSuccessfulOnly(boolean windowSuccessfulOnly) {
        this.windowSuccessfulOnly = windowSuccessfulOnly;
        save();
    }

    /** The default window; a size below 1 reads as 1. */
    public RunWindow defaultWindow() {
        return new RunWindow(Math.max(1, windowSize), windowSuccessfulOnly);
    }

    // ---- form validation -------------------------------------------------------------------------------------

    @POST
    public FormValidation doCheckDefaultWaitBudget(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        return checkDuration("defaultWaitBudget", value);
    }

    @POST
    public FormValidation doCheckBaselineRuns(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckMinSamples(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckMadFactor(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkNonNegativeNumber(value);
    }

    @POST
    public FormValidation doCheckRelativeFloor(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkNonNegativeNumber(value);
    }

    @POST
    public FormValidation doCheckAbsoluteFloor(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkFloor("absoluteFloor", value);
    }

    @POST
    public FormValidation doCheckWaitAbsoluteFloor(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkFloor("waitAbsoluteFloor", value);
    }

    @POST
    public FormValidation doCheckNoOpThreshold(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkFloor("noOpThreshold", value);
    }

    @POST
    public FormValidation doCheckNoOpShare(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            double share = Double.parseDouble(value.trim());
            return share > 0 && share <= 1 ? FormValidation.ok() : FormValidation.error(Messages.share_range());
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.share_range());
        }
    }

    @POST
    public FormValidation doCheckNoOpMinRuns(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckMinDuplicate(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkFloor("minDuplicate", value);
    }

    @POST
    public FormValidation doCheckRepeatedAgentFloor(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkFloor("repeatedAgentFloor", value);
    }

    @POST
    public FormValidation doCheckNoOpWindowFloor(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkFloor("noOpWindowFloor", value);
    }

    @POST
    public FormValidation doCheckLeadTimeShare(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            double share = Double.parseDouble(value.trim());
            return share >= 0 && share < 1 ? FormValidation.ok()
                    : FormValidation.error(Messages.leadTimeShare_range());
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.leadTimeShare_range());
        }
    }

    @POST
    public FormValidation doCheckWindowSize(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormValidation.validatePositiveInteger(value);
    }

    private static FormValidation checkDuration(String field, String value) {
        try {
            Durations.parse(field, value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static FormValidation checkFloor(String field, String value) {
        try {
            floorMillis(field, value.trim());
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static FormValidation checkNonNegativeNumber(String value) {
        try {
            double number = Double.parseDouble(value.trim());
            return number >= 0 && !Double.isInfinite(number)
                    ? FormValidation.ok() : FormValidation.error(Messages.number_nonNegative());
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.number_nonNegative());
        }
    }
}
