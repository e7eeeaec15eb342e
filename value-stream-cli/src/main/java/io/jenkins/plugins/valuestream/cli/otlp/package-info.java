/** Pushing a report's metrics once to an OpenTelemetry receiver over OTLP/HTTP ({@code OtlpPush}). */
@NullMarked
package io.jenkins.plugins.valuestream.cli.otlp;

import org.jspecify.annotations.NullMarked;
