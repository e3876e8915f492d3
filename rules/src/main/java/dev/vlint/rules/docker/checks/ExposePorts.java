package dev.vlint.rules.docker.checks;

/**
 * An EXPOSE word split as BuildKit's {@code convert_expose.go} splits it:
 * {@code [ip:][hostPort:]containerPort[/proto]}; offsets are into the word.
 */
record ExposePorts(String ip, String hostPort, String port, String proto, int protoStart) {
    static ExposePorts of(String word) {
        String[] parts = word.split(":", -1);
        String ip = "";
        String host = "";
        String container;
        if (parts.length == 1) {
            container = parts[0];
        } else if (parts.length == 2) {
            host = parts[0];
            container = parts[1];
        } else {
            ip = String.join(":", java.util.Arrays.copyOf(parts, parts.length - 2));
            host = parts[parts.length - 2];
            container = parts[parts.length - 1];
        }
        int slash = container.indexOf('/');
        int containerStart = word.length() - container.length();
        String port = slash < 0 ? container : container.substring(0, slash);
        String proto = slash < 0 ? "" : container.substring(slash + 1);
        return new ExposePorts(ip, host, port, proto, slash < 0 ? word.length() : containerStart + slash + 1);
    }
}
