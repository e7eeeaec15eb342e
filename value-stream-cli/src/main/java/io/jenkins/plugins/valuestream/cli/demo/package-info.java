/**
 * The demo data set: one generated Pipeline job whose runs show every finding the report can make.
 */
@NullMarked
package io.jenkins.plugins.valuestream.cli.demo;

import org.jspecify.annotations.NullMarked;
