package io.inkstream.gateway.service;

/** The authenticated caller: its tenant and whether it used a test key. */
public record Tenant(String id, boolean test, String plan) {
}
