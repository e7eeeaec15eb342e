/** Configuration as Code of the plugin's global settings: applied, exported, and round-tripped through a restart. */
@NullMarked
package io.jenkins.plugins.valuestream.casc;

import org.jspecify.annotations.NullMarked;
