package io.jenkins.plugins.valuestream.graph.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.testing.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The job names of multibranch branches whose folders are name-mangled. */
public class BranchNamesTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path branch(String config) throws IOException {
        Path folder = temp.newFolder("feature-x.k2h5b1").toPath();
        Files.writeString(folder.resolve("config.xml"), config);
        return folder;
    }

    private static String config(String branchName) {
        return "<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition plugin=\"workflow-job\">\n  <properties>\n"
                + "    <org.jenkinsci.plugins.workflow.multibranch.BranchJobProperty plugin=\"workflow-multibranch\">\n"
                + "      <branch plugin=\"branch-api\">\n        <sourceId>1</sourceId>\n"
                + "        <head class=\"jenkins.plugins.git.GitBranchSCMHead\" plugin=\"git\">\n"
                + "          <name>" + branchName + "</name>\n        </head>\n      </branch>\n"
                + "    </org.jenkinsci.plugins.workflow.multibranch.BranchJobProperty>\n  </properties>\n"
                + "</flow-definition>\n";
    }

    @Test
    public void aBranchJobIsNamedAfterItsBranchWithTheSlashEncoded() throws IOException {
        assertThat(BranchNames.jobName(branch(config("feature/x")))).isEqualTo("feature%2Fx");
    }

    @Test
    public void aFolderWithoutConfigHasNoOtherName() throws IOException {
        assertThat(BranchNames.jobName(temp.newFolder("main").toPath())).isNull();
    }

    @Test
    public void aDamagedConfigGivesNoNameRatherThanFailing() throws IOException {
        assertThat(BranchNames.jobName(branch("<flow-definition><properties><org.jenkins"))).isNull();
    }

    @Test
    public void aRealMangledBranchFolderReadsAsItsBranch() {
        Path folder = RealData.folderOrSkip().resolve("jenkins-home/galsh5-parallel/jenkins/jobs/newtesting/branches"
                + "/feature-x.msnreb");
        Assume.assumeTrue("the mangled branch is not in the real data", Files.isDirectory(folder));

        assertThat(BranchNames.jobName(folder)).isEqualTo("feature_x");
    }
}
