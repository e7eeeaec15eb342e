package io.jenkins.plugins.valuestream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.Test;

/** The model must stay Jenkins-free, so that the command line and the benchmarks run without Jenkins jars. */
public class ArchitectureTest {
    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.valuestream");

    @Test
    public void modelDependsOnNoJenkinsPackage() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..")
                .because("all logic lives in the Jenkins-free model; the plugin only adapts Jenkins objects")
                .check(MODEL);
    }
}
