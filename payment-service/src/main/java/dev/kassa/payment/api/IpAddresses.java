package dev.kassa.payment.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals in one spelling: {@code ::1} and {@code 0:0:0:0:0:0:0:1} are one address. */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /**
     * The address in Java's canonical spelling, or empty when {@code text} is no address literal. Only literals
     * reach {@link InetAddress#getByName}: an IPv6 literal (it has a colon) or a dotted IPv4 one, so no name is
     * ever looked up in DNS.
     */
    public static Optional<String> normalized(String text) {
        if (text == null || !(IPV4.matcher(text).matches()
                || (text.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(text).matches()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private IpAddresses() {
    }
}
