package io.jenkins.plugins.valuestream.graph.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** Step arguments, however XStream wrote them, become one compact string that is equal whenever they are. */
public class ArgumentValuesTest {

    @Test
    public void aStringKeepsItsTextExactlyAsWritten() throws Exception {
        assertThat(render("<string>  make  test\n</string>")).isEqualTo("  make  test\n");
    }

    @Test
    public void numbersAndBooleansAreTheirText() throws Exception {
        assertThat(render("<long>120</long>")).isEqualTo("120");
        assertThat(render("<int>3</int>")).isEqualTo("3");
        assertThat(render("<boolean>false</boolean>")).isEqualTo("false");
    }

    @Test
    public void nullIsTheWordNull() throws Exception {
        assertThat(render("<null/>")).isEqualTo("null");
    }

    @Test
    public void aListIsItsItemsInOrder() throws Exception {
        assertThat(render("<list>\n  <string>JD_IMAGE=fivem</string>\n  <string>PORT=30120</string>\n</list>"))
                .isEqualTo("[JD_IMAGE=fivem, PORT=30120]");
    }

    @Test
    public void aMapIsItsEntriesInOrder() throws Exception {
        assertThat(render("""
                <tree-map>
                  <entry>
                    <string>name</string>
                    <string>origin</string>
                  </entry>
                  <entry>
                    <string>url</string>
                    <string>https://git.example.com/shop.git</string>
                  </entry>
                </tree-map>"""))
                .isEqualTo("{name=origin, url=https://git.example.com/shop.git}");
    }

    @Test
    public void anEmptyCollectionIsShownEmpty() throws Exception {
        assertThat(render("<list/>")).isEqualTo("[]");
        assertThat(render("<linked-hash-map/>")).isEqualTo("{}");
    }

    @Test
    public void anObjectIsItsClassAndFields() throws Exception {
        assertThat(render("""
                <org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable plugin="structs@338.v848422169819">
                  <symbol>cleanWs</symbol>
                  <arguments class="tree-map"/>
                </org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable>"""))
                .isEqualTo("org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable"
                        + "{symbol=cleanWs, arguments={}}");
    }

    @Test
    public void anScmIsFlattenedWithItsNestedValues() throws Exception {
        assertThat(render("""
                <org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable plugin="structs@338.v848422169819">
                  <arguments class="linked-hash-map">
                    <entry>
                      <string>$class</string>
                      <string>GitSCM</string>
                    </entry>
                    <entry>
                      <string>branches</string>
                      <list>
                        <linked-hash-map>
                          <entry>
                            <string>name</string>
                            <string>develop</string>
                          </entry>
                        </linked-hash-map>
                      </list>
                    </entry>
                    <entry>
                      <string>extensions</string>
                      <list>
                        <wf.a.ArgumentsAction_-NotStoredReason>UNSERIALIZABLE</wf.a.ArgumentsAction_-NotStoredReason>
                      </list>
                    </entry>
                  </arguments>
                </org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable>"""))
                .isEqualTo("org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable{arguments="
                        + "{$class=GitSCM, branches=[{name=develop}],"
                        + " extensions=[wf.a.ArgumentsAction_-NotStoredReason(UNSERIALIZABLE)]}}");
    }

    @Test
    public void aValueJenkinsDidNotKeepSaysWhy() throws Exception {
        assertThat(render("<wf.a.ArgumentsAction_-NotStoredReason>OVERSIZE_VALUE</wf.a.ArgumentsAction_-NotStoredReason>"))
                .isEqualTo("wf.a.ArgumentsAction_-NotStoredReason(OVERSIZE_VALUE)");
    }

    @Test
    public void aFieldWithADeclaredClassUsesIt() throws Exception {
        assertThat(render("""
                <hudson.plugins.git.GitSCM plugin="git@5.2.2">
                  <configVersion>2</configVersion>
                  <userRemoteConfigs>
                    <hudson.plugins.git.UserRemoteConfig>
                      <url>https://git.example.com/shop.git</url>
                    </hudson.plugins.git.UserRemoteConfig>
                  </userRemoteConfigs>
                  <doGenerateSubmoduleConfigurations>false</doGenerateSubmoduleConfigurations>
                  <extensions class="empty-list"/>
                </hudson.plugins.git.GitSCM>"""))
                .isEqualTo("hudson.plugins.git.GitSCM{configVersion=2,"
                        + " userRemoteConfigs=[hudson.plugins.git.UserRemoteConfig{url=https://git.example.com/shop.git}],"
                        + " doGenerateSubmoduleConfigurations=false, extensions=[]}");
    }

    @Test
    public void pluginVersionsDoNotChangeTheValue() throws Exception {
        String before = render("<hudson.plugins.git.GitSCM plugin=\"git@4.11.0\"><configVersion>2</configVersion>"
                + "</hudson.plugins.git.GitSCM>");
        String after = render("<hudson.plugins.git.GitSCM plugin=\"git@5.2.2\"><configVersion>2</configVersion>"
                + "</hudson.plugins.git.GitSCM>");

        assertThat(after).isEqualTo(before);
    }

    @Test
    public void aBackReferenceIsShownAsSuch() throws Exception {
        assertThat(render("<list reference=\"../../entry/list\"/>")).isEqualTo("ref(../../entry/list)");
    }

    private static String render(String value) throws Exception {
        String document = "<?xml version='1.1' encoding='UTF-8'?>\n<entry><string>key</string>" + value + "</entry>";
        try (XmlCursor cursor = XmlCursor.open(SafeXml.newFactory(),
                new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "test.xml")) {
            assertThat(cursor.nextChild(1)).isTrue();
            cursor.skip();
            assertThat(cursor.nextChild(1)).isTrue();
            String rendered = ArgumentValues.render(cursor);
            assertThat(cursor.nextChild(1)).as("the value is read to its end").isFalse();
            return rendered;
        }
    }
}
