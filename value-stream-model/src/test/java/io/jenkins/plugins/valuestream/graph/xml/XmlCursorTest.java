package io.jenkins.plugins.valuestream.graph.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** The cursor knows XStream's path of the element it is on, and where a reference leads. */
public class XmlCursorTest {
    private static final String STORE = """
            <?xml version='1.1' encoding='UTF-8'?>
            <map>
              <entry><string>2</string><Tag><actions><wf.a.ErrorAction><error/></wf.a.ErrorAction></actions></Tag></entry>
              <entry><string>3</string><Tag><actions>
                <wf.a.ErrorAction><error/></wf.a.ErrorAction>
                <wf.a.ErrorAction><error reference="../../wf.a.ErrorAction/error"/></wf.a.ErrorAction>
                <wf.a.ErrorAction><error reference="../../../../../entry/Tag/actions/wf.a.ErrorAction/error"/></wf.a.ErrorAction>
              </actions></Tag></entry>
            </map>
            """;

    @Test
    public void thePathCountsSameNamedSiblings() throws Exception {
        try (XmlCursor cursor = open(STORE)) {
            moveToSecondEntrysErrors(cursor);
            assertThat(cursor.nextChild(5)).isTrue();

            assertThat(cursor.path()).isEqualTo("/map[1]/entry[2]/Tag[1]/actions[1]/wf.a.ErrorAction[1]/error[1]");
        }
    }

    @Test
    public void aRelativeReferenceIsResolvedFromTheReferringElement() throws Exception {
        try (XmlCursor cursor = open(STORE)) {
            moveToSecondEntrysErrors(cursor);
            cursor.skip();
            cursor.nextChild(4);
            cursor.nextChild(5);

            assertThat(cursor.path()).endsWith("/wf.a.ErrorAction[2]/error[1]");
            assertThat(cursor.resolve(cursor.attribute("reference")))
                    .isEqualTo("/map[1]/entry[2]/Tag[1]/actions[1]/wf.a.ErrorAction[1]/error[1]");
            cursor.skip();
            cursor.nextChild(4);
            cursor.nextChild(5);
            assertThat(cursor.resolve(cursor.attribute("reference")))
                    .isEqualTo("/map[1]/entry[1]/Tag[1]/actions[1]/wf.a.ErrorAction[1]/error[1]");
        }
    }

    @Test
    public void aReferenceLeadingOutOfTheDocumentResolvesToNothing() throws Exception {
        try (XmlCursor cursor = open("<a><b/></a>")) {
            cursor.nextChild(1);

            assertThat(cursor.resolve("../../../c")).isNull();
        }
    }

    @Test
    public void aTruncatedFileIsReportedWithItsLine() throws Exception {
        try (XmlCursor cursor = open("<?xml version='1.1' encoding='UTF-8'?>\n<Tag>\n  <node>\n    <id>3</id>\n")) {
            assertThatThrownBy(() -> {
                while (cursor.nextChild(1)) {
                    cursor.skip();
                }
            }).isInstanceOf(UnreadableFileException.class).hasMessageStartingWith("test.xml: line 5");
        }
    }

    @Test
    public void anEmptyFileHasNoRootElement() {
        assertThatThrownBy(() -> open("")).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("test.xml: ");
    }

    private static void moveToSecondEntrysErrors(XmlCursor cursor) throws UnreadableFileException {
        cursor.nextChild(1);
        cursor.skip();
        cursor.nextChild(1); // entry[2]
        cursor.nextChild(2); // string
        cursor.skip();
        cursor.nextChild(2); // Tag
        cursor.nextChild(3); // actions
        cursor.nextChild(4); // first wf.a.ErrorAction
    }

    private static XmlCursor open(String document) throws UnreadableFileException {
        return XmlCursor.open(SafeXml.newFactory(), new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)),
                "test.xml");
    }
}
