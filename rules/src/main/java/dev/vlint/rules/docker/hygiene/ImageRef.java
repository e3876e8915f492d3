package dev.vlint.rules.docker.hygiene;

/**
 * An image reference split as Docker reads it: {@code [registry/]path[:tag][@digest]}. The first
 * path component is a registry when it has a dot or a port, or is {@code localhost}.
 *
 * @param registry the registry host, or null for Docker Hub
 * @param path the repository path
 * @param tag the tag, or null
 * @param digest the digest, or null
 */
record ImageRef(String registry, String path, String tag, String digest) {
    static ImageRef parse(String reference) {
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        return new ImageRef(registry, rest, tag, digest);
    }

    boolean isScratch() {
        return registry == null && path.equals("scratch");
    }
}
