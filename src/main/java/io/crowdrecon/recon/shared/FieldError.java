package io.crowdrecon.recon.shared;

/** One invalid field of a request: its JSON path ({@code investorAccount.iban}) and what is wrong. */
public record FieldError(String field, String message) {}
