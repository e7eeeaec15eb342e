/**
 * The demo data set: one generated Pipeline job whose runs show every finding the report can make, and
 * {@code DemoSource}, the report's source over it.
 */
@NullMarked
package io.jenkins.plugins.valuestream.cli.demo;

import org.jspecify.annotations.NullMarked;
