package io.inkstream.gateway.rest;

import java.time.Duration;

/** The RFC 7240 Prefer header as the extract endpoint reads it: respond-async and wait=N. */
public record Prefer(boolean respondAsync, Duration waitFor) {

    public static Prefer parse(String header, Duration defaultWait, Duration maxWait) {
        boolean async = false;
        Duration wait = defaultWait;
        if (header != null) {
            for (String part : header.split(",")) {
                String p = part.trim().toLowerCase();
                if (p.equals("respond-async")) {
                    async = true;
                } else if (p.startsWith("wait=")) {
                    try {
                        long s = Long.parseLong(p.substring(5).trim());
                        wait = Duration.ofSeconds(Math.max(0, s));
                    } catch (NumberFormatException e) {
                        // RFC 7240: an unparseable preference is ignored
                    }
                }
            }
        }
        return new Prefer(async, wait.compareTo(maxWait) > 0 ? maxWait : wait);
    }
}
