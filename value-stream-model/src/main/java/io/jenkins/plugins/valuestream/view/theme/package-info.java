/**
 * The look shared by the SVG charts and the HTML report: a light and a dark palette as CSS custom properties, one
 * colour-blind-safe colour per wait cause, chosen by the reader's {@code prefers-color-scheme}, by a
 * {@code data-theme} attribute, or by the page.
 */
@NullMarked
package io.jenkins.plugins.valuestream.view.theme;

import org.jspecify.annotations.NullMarked;
