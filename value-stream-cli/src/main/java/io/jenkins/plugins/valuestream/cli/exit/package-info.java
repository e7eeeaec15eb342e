/**
 * How the {@code report} command ends: its exit codes and the failure that carries one. At the bottom of the command
 * line's packages, so that the sources can fail with the right code without knowing the command.
 */
@NullMarked
package io.jenkins.plugins.valuestream.cli.exit;

import org.jspecify.annotations.NullMarked;
