/**
 * What operators watch: the audit that the books balance ({@link io.crowdrecon.recon.ops.Auditor}), the figures per
 * portal and the consumers' lag behind the topics, for the dashboard and the metrics. It reads the other capabilities'
 * stores and changes nothing.
 */
@NullMarked
package io.crowdrecon.recon.ops;

import org.jspecify.annotations.NullMarked;
