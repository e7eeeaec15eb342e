package io.jenkins.plugins.valuestream.view.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class TextFitTest {
    private static final double BOX_TEXT = 148;

    @Test
    public void keepsANameThatFitsOnOneLine() {
        assertThat(TextFit.lines("Build", 13, true, BOX_TEXT, 2)).containsExactly("Build");
    }

    @Test
    public void breaksAtTheLastSpaceThatFits() {
        assertThat(TextFit.lines("Deploy to the staging cluster", 13, true, BOX_TEXT, 2))
                .containsExactly("Deploy to the", "staging cluster");
    }

    @Test
    public void breaksAfterASeparatorWhereThereIsNoSpace() {
        assertThat(TextFit.lines("integration-tests-against-postgres", 13, true, BOX_TEXT, 2))
                .containsExactly("integration-tests-", "against-postgres");
    }

    @Test
    public void breaksBetweenTheWordsOfACamelCaseName() {
        assertThat(TextFit.lines("CheckoutModuleDependencies", 13, true, BOX_TEXT, 2))
                .containsExactly("CheckoutModule", "Dependencies");
    }

    @Test
    public void cutsAWordWithoutABreakWhereTheLineIsFull() {
        List<String> lines = TextFit.lines("x".repeat(60), 13, true, BOX_TEXT, 2);

        assertThat(lines).hasSize(2);
        assertThat(TextFit.width(lines.get(0), 13, true)).isLessThanOrEqualTo(BOX_TEXT);
        assertThat(lines.get(1)).endsWith(TextFit.ELLIPSIS);
        assertThat(TextFit.width(lines.get(1), 13, true)).isLessThanOrEqualTo(BOX_TEXT);
    }

    @Test
    public void neverSplitsACharacterMadeOfTwoCodeUnits() {
        String emoji = "\uD83D\uDE80".repeat(30);

        for (String line : TextFit.lines(emoji, 13, true, BOX_TEXT, 2)) {
            String withoutEllipsis = line.replace(TextFit.ELLIPSIS, "");
            assertThat(withoutEllipsis.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
            assertThat(Character.isHighSurrogate(withoutEllipsis.charAt(withoutEllipsis.length() - 1))).isFalse();
        }
    }
}
