package dev.kassa.pspmock.settlement;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Stripe's SDKs write bracket names unescaped in a query string ({@code created[gte]=…&expand[0]=data.source}:
 * stripe-java turns {@code %5B %5D} back into brackets), which Tomcat refuses with a 400 of its own unless told to
 * accept them, as RFC 3986 lets it. Equivalent to {@code server.tomcat.relaxed-query-chars: "[,]"}; kept as a bean
 * here, next to the one list that needs it today, so the service cannot lose it to a configuration override.
 */
@Component
class BracketQueryNames implements TomcatConnectorCustomizer {

    @Override
    public void customize(Connector connector) {
        connector.setProperty("relaxedQueryChars", "[]");
    }
}
