package io.crowdrecon.recon.operator;

/**
 * What an operator may do, from least to most: {@link Permissions} says which {@link OpsAction} each role allows.
 */
public enum OperatorRole {
    /** Reads everything, changes nothing. */
    VIEWER,
    /** Also resolves review items, re-issues instructions and uploads bank files. */
    OPERATOR,
    /** An OPERATOR who also approves payments. */
    APPROVER,
    /** Everything, including onboarding portals and managing operators. */
    ADMIN
}
