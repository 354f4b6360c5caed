package dev.kassa.console;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console finds the five services ({@code kassa.console.services.*}; the proxy's ports when there are
 * several instances) and how long it waits for one.
 */
@ConfigurationProperties("kassa.console")
public record ConsoleProperties(Services services,
                                @DefaultValue("5s") Duration timeout,
                                @DefaultValue("30s") Duration refresh) {

    public record Services(@DefaultValue("http://127.0.0.1:8080") URI payment,
                           @DefaultValue("http://127.0.0.1:8081") URI pspMock,
                           @DefaultValue("http://127.0.0.1:8082") URI wallet,
                           @DefaultValue("http://127.0.0.1:8083") URI ledger,
                           @DefaultValue("http://127.0.0.1:8084") URI reconciliation) {
    }
}
