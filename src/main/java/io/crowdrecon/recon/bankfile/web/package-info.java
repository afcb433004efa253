/** The bank-file API: ops post a camt or MT940 file and read back files, their statements and reconciliation. */
@NullMarked
package io.crowdrecon.recon.bankfile.web;

import org.jspecify.annotations.NullMarked;
