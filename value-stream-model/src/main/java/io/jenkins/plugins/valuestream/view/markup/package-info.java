/**
 * Writing XML, SVG and XHTML safely: {@link io.jenkins.plugins.valuestream.view.markup.Markup#escape} is the one
 * escaping function for text and attribute values, and {@link io.jenkins.plugins.valuestream.view.markup.MarkupWriter}
 * applies it to everything it writes, so a renderer cannot forget it.
 */
@NullMarked
package io.jenkins.plugins.valuestream.view.markup;

import org.jspecify.annotations.NullMarked;
