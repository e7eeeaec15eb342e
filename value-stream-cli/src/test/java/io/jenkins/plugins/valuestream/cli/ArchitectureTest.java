package io.jenkins.plugins.valuestream.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.Test;

/**
 * The command line's layering: no cycles between its packages, and each package using only the command-line packages
 * docs/architecture.md allows it (the table "Command-line packages" there and
 * {@link #packagesUseOnlyThePackagesTheDesignAllows} are the same table; change them together). What it may use of
 * the model is the model's own affair: its packages only depend downwards, so any of them may be used.
 */
public class ArchitectureTest {
    /** The command's package and those below it, without the model: the model's test checks the model. */
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackagesOf(ValueStreamCommand.class);

    @Test
    public void packagesHaveNoCycles() {
        // Matched from the parent so that cli itself is a slice: "cli.(**)" would leave its classes out, and a
        // subpackage pointing back at the command would go unseen.
        slices().matching("io.jenkins.plugins.valuestream.(**)").should().beFreeOfCycles().check(CLI);
    }

    /**
     * The command at the top; the sources' contract ({@code cli.source}) below the server and demo sources that
     * implement it; the exit codes at the bottom, so that every source can fail with the right one.
     */
    @Test
    public void packagesUseOnlyThePackagesTheDesignAllows() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("command").definedBy("..cli")
                .layer("cache").definedBy("..cli.cache")
                .layer("rest").definedBy("..cli.rest")
                .layer("demo").definedBy("..cli.demo")
                .layer("source").definedBy("..cli.source")
                .layer("otlp").definedBy("..cli.otlp")
                .layer("exit").definedBy("..cli.exit")
                .whereLayer("command").mayNotBeAccessedByAnyLayer()
                .whereLayer("cache").mayNotAccessAnyLayer()
                .whereLayer("rest").mayOnlyAccessLayers("source", "exit")
                .whereLayer("demo").mayOnlyAccessLayers("source")
                .whereLayer("source").mayOnlyAccessLayers("exit")
                .whereLayer("otlp").mayOnlyAccessLayers("exit")
                .whereLayer("exit").mayNotAccessAnyLayer()
                .check(CLI);
    }
}
