package io.jenkins.plugins.valuestream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.Test;

/**
 * The model's layering: Jenkins-free, no cycles between its packages or its classes, and each package using only the
 * packages docs/architecture.md allows it (the table there and {@link #packagesUseOnlyThePackagesTheDesignAllows}
 * are the same table; change them together).
 */
public class ArchitectureTest {
    private static final String MODEL_PACKAGE = "io.jenkins.plugins.valuestream";
    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(MODEL_PACKAGE);

    @Test
    public void modelDependsOnNoJenkinsPackage() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..")
                .because("all logic lives in the Jenkins-free model; the plugin only adapts Jenkins objects")
                .check(MODEL);
    }

    @Test
    public void packagesHaveNoCycles() {
        // (**) makes view and view.html two slices, so a subpackage pointing back at its parent is a cycle too.
        slices().matching(MODEL_PACKAGE + ".(**)").should().beFreeOfCycles().check(MODEL);
    }

    @Test
    public void classesHaveNoCycles() {
        // Within one package the package rule sees nothing; this one keeps, e.g., a page's style sheet from knowing
        // the page. A nested class counts as part of its top-level class: those are written as one.
        slices().assignedFrom(new TopLevelClasses()).should().beFreeOfCycles().check(MODEL);
    }

    /** The table "Model packages" of docs/architecture.md: each package and the packages it may use. */
    @Test
    public void packagesUseOnlyThePackagesTheDesignAllows() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("time").definedBy(MODEL_PACKAGE + ".time")
                .layer("graph").definedBy(MODEL_PACKAGE + ".graph")
                .layer("graph.xml").definedBy(MODEL_PACKAGE + ".graph.xml")
                .layer("process").definedBy(MODEL_PACKAGE + ".process")
                .layer("critical").definedBy(MODEL_PACKAGE + ".critical")
                .layer("store").definedBy(MODEL_PACKAGE + ".store")
                .layer("stream").definedBy(MODEL_PACKAGE + ".stream")
                .layer("chain").definedBy(MODEL_PACKAGE + ".chain")
                .layer("budget").definedBy(MODEL_PACKAGE + ".budget")
                .layer("dora").definedBy(MODEL_PACKAGE + ".dora")
                .layer("flags").definedBy(MODEL_PACKAGE + ".flags")
                .layer("future").definedBy(MODEL_PACKAGE + ".future")
                .layer("codec").definedBy(MODEL_PACKAGE + ".codec")
                .layer("report").definedBy(MODEL_PACKAGE + ".report")
                .layer("json").definedBy(MODEL_PACKAGE + ".json")
                .layer("export").definedBy(MODEL_PACKAGE + ".export")
                .layer("view").definedBy(MODEL_PACKAGE + ".view")
                .layer("view.markup").definedBy(MODEL_PACKAGE + ".view.markup")
                .layer("view.theme").definedBy(MODEL_PACKAGE + ".view.theme")
                .layer("view.svg").definedBy(MODEL_PACKAGE + ".view.svg")
                .layer("view.html").definedBy(MODEL_PACKAGE + ".view.html")

                .whereLayer("time").mayNotAccessAnyLayer()
                .whereLayer("graph").mayNotAccessAnyLayer()
                .whereLayer("graph.xml").mayOnlyAccessLayers("graph")
                .whereLayer("process").mayOnlyAccessLayers("graph")
                .whereLayer("critical").mayOnlyAccessLayers("process")
                .whereLayer("store").mayOnlyAccessLayers("graph", "process")
                .whereLayer("stream").mayOnlyAccessLayers("critical", "graph", "process")
                .whereLayer("chain").mayOnlyAccessLayers("graph", "process", "stream")
                .whereLayer("budget").mayOnlyAccessLayers("process", "time")
                .whereLayer("dora").mayOnlyAccessLayers("graph", "process", "stream")
                .whereLayer("flags").mayOnlyAccessLayers("graph", "process", "stream", "time")
                .whereLayer("future").mayOnlyAccessLayers("critical", "flags", "process", "stream", "time")
                .whereLayer("codec").mayOnlyAccessLayers("budget", "graph", "process")
                .whereLayer("report").mayOnlyAccessLayers("budget", "dora", "flags", "future", "process", "stream")
                .whereLayer("json").mayOnlyAccessLayers("chain", "dora", "flags", "future", "graph", "process",
                        "report", "stream")
                .whereLayer("export").mayOnlyAccessLayers("budget", "flags", "graph", "process", "report", "stream")
                .whereLayer("view").mayOnlyAccessLayers("budget", "dora", "flags", "graph", "process", "stream",
                        "time")
                .whereLayer("view.markup").mayNotAccessAnyLayer()
                .whereLayer("view.theme").mayOnlyAccessLayers("process")
                .whereLayer("view.svg").mayOnlyAccessLayers("graph", "process", "stream", "time", "view", "view.markup",
                        "view.theme")
                .whereLayer("view.html").mayOnlyAccessLayers("chain", "dora", "flags", "future", "graph", "process",
                        "report", "stream", "time", "view", "view.markup", "view.svg", "view.theme")
                .check(MODEL);
    }

    /** One slice per top-level class, holding its nested, local and anonymous classes. */
    private static final class TopLevelClasses implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            JavaClass topLevel = javaClass;
            while (topLevel.getEnclosingClass().isPresent()) {
                topLevel = topLevel.getEnclosingClass().get();
            }
            return SliceIdentifier.of(topLevel.getName());
        }

        @Override
        public String getDescription() {
            return "top-level classes";
        }
    }
}
