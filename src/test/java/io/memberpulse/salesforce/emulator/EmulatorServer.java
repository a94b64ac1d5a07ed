package io.memberpulse.salesforce.emulator;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.server.http.jakarta.CometDServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The one Jetty port: OAuth, REST and the CometD servlet (long polling, Jackson JSON) for every API version. */
final class EmulatorServer {

    private final Server server = new Server();
    private final ServerConnector connector;
    private final ServletContextHandler context = new ServletContextHandler("/");

    EmulatorServer(SalesforceEmulator emulator, EmulatorSettings settings, int port) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        context.addServlet(new ServletHolder(new OAuthServlet(emulator)), "/services/oauth2/*");
        context.addServlet(new ServletHolder(new DataApiServlet(emulator)), "/services/data/*");
        context.addServlet(new ServletHolder(new DataApiServlet(emulator)), "/services/data");
        context.addFilter(new FilterHolder(new CometdFilter(emulator)), "/cometd/*", EnumSet.of(DispatcherType.REQUEST));
        addCometd(settings);
        server.setHandler(context);
    }

    /** Starts Jetty; returns the CometD server the servlet created. */
    BayeuxServer start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Salesforce emulator on port " + connector.getPort(), e);
        }
        return (BayeuxServer) context.getServletContext().getAttribute(BayeuxServer.ATTRIBUTE);
    }

    int port() {
        return connector.getPort() > 0 ? connector.getPort() : connector.getLocalPort();
    }

    /** Closes the port (connections refused) until {@link #reopen()}; keeps the same port number. */
    void closePort() {
        try {
            connector.setPort(port());
            connector.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void reopen() {
        try {
            connector.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void addCometd(EmulatorSettings settings) {
        ServletHolder cometd = new ServletHolder("cometd", CometDServlet.class);
        cometd.setAsyncSupported(true);
        cometd.setInitOrder(1);
        cometd.setInitParameter("transports", "org.cometd.server.http.JSONHttpTransport");
        cometd.setInitParameter("allowedTransports", "long-polling");
        cometd.setInitParameter("jsonContext", "org.cometd.server.JacksonJSONContextServer");
        cometd.setInitParameter("timeout", millis(settings.cometdHold()));
        cometd.setInitParameter("interval", millis(settings.cometdInterval()));
        cometd.setInitParameter("maxInterval", millis(settings.cometdMaxInterval()));
        cometd.setInitParameter("sweepPeriod", "200");
        // Salesforce delivers events in /meta/connect responses only (reference §4.2), never in the
        // reply to a subscribe: a client sees replayed and live events in one ordered stream.
        cometd.setInitParameter("metaConnectDeliveryOnly", "true");
        context.getServletHandler().addServlet(cometd);
        ServletMapping mapping = new ServletMapping();
        mapping.setServletName("cometd");
        mapping.setPathSpecs(ApiVersions.all().stream().map(v -> "/cometd/" + v + "/*").toArray(String[]::new));
        context.getServletHandler().addServletMapping(mapping);
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
