/** R2DBC adapter of the export capability: keyset-paged reads of the money tables, nothing written. */
@NullMarked
package io.crowdrecon.recon.export.persistence;

import org.jspecify.annotations.NullMarked;
