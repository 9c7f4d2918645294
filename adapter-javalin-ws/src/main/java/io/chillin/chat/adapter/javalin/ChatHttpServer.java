package io.chillin.chat.adapter.javalin;

import io.chillin.chat.application.ChatCore;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.session.DefaultSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;
import org.eclipse.jetty.session.SessionCache;

/**
 * The HTTP and WebSocket server: REST routes, the {@code /ws} endpoint and the web client's files,
 * over one Javalin instance. Blocking work runs on virtual threads, never on Jetty's selectors.
 */
public final class ChatHttpServer implements AutoCloseable {

    /** Classpath folder holding the browser client's built files. */
    public static final String WEB_ROOT = "/chillin-web";

    /** Prometheus's text exposition format. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** Connections waiting to be accepted (the kernel caps it at net.core.somaxconn). */
    static final int ACCEPT_QUEUE = 4096;

    private final Javalin app;
    private final ChatSocket socket;
    private DefaultSessionCache httpSessions;
    private volatile String listenHost;
    private volatile int listenPort;
    private volatile ServerConnector connector;

    public ChatHttpServer(ChatCore core, EdgeConfig config, List<HealthProbe> probes) {
        this(core, config, probes, null, false);
    }

    /**
     * An edge whose counts go to {@code metrics} (null: counted nowhere); with {@code serveMetrics} it also answers
     * {@code GET /metrics} in Prometheus's text format, from {@code metrics}, which must then be a Prometheus registry.
     */
    public ChatHttpServer(ChatCore core, EdgeConfig config, List<HealthProbe> probes, MeterRegistry metrics,
                          boolean serveMetrics) {
        EdgeMetrics edgeMetrics = metrics == null ? EdgeMetrics.none() : new EdgeMetrics(metrics);
        this.socket = new ChatSocket(core, config, edgeMetrics);
        RestApi rest = new RestApi(core, probes);
        RequestLog requestLog = new RequestLog(config.trustedProxies());
        this.app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.jetty.threadPool = JettyThreads.create();
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, true));
            if (ChatHttpServer.class.getResource(WEB_ROOT + "/index.html") != null) {
                cfg.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = WEB_ROOT;
                    files.location = Location.CLASSPATH;
                });
            }
            // Javalin's own connector, but with a deep accept queue: Java's default of 50 drops the SYNs of a burst
            // of connects (a thousand clients reconnecting at once), and each dropped one retries a second later.
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector listening = new ServerConnector(server, new HttpConnectionFactory(http));
                listening.setHost(listenHost);
                listening.setPort(listenPort);
                listening.setAcceptQueueSize(ACCEPT_QUEUE);
                this.connector = listening;
                return listening;
            });
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                // what Jetty refuses before routing (bad path encoding, oversized URI or headers) answers in JSON too
                server.setErrorHandler(new JsonErrorHandler(requestLog));
            });
            // Javalin asks for the HTTP session of every WebSocket upgrade, and Jetty would keep one per socket
            // on the heap long after it closed. Nothing here uses HTTP sessions: each leaves memory with its request.
            cfg.jetty.modifyServletContextHandler(handler -> {
                SessionHandler sessions = new SessionHandler();
                DefaultSessionCache cache = new DefaultSessionCache(sessions);
                cache.setEvictionPolicy(SessionCache.EVICT_ON_SESSION_EXIT);
                cache.setSessionDataStore(new NullSessionDataStore());
                sessions.setSessionCache(cache);
                handler.setSessionHandler(sessions);
                httpSessions = cache;
            });
            config.trustedProxies().install(cfg);
            // first: every later handler's log lines carry the request's id
            requestLog.install(cfg);
            StaticHeaders.register(cfg, config.strictTransport());
            ApiErrors.register(cfg, edgeMetrics);
            if (serveMetrics) {
                PrometheusMeterRegistry prometheus = (PrometheusMeterRegistry) metrics;
                cfg.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(prometheus.scrape()));
            }
            rest.register(cfg);
            new AdminApi(core).register(cfg);
            // The checks and the upgrade run as the last before-upgrade handler (ChatSocket#upgrade); Javalin's own
            // upgrade, behind it, only sees what Jetty cannot upgrade, and the route makes Javalin route /ws to them.
            cfg.routes.wsBeforeUpgrade("/ws", socket::upgrade);
            cfg.routes.wsAfterUpgrade("/ws", socket::afterRefusedUpgrade);
            cfg.routes.ws("/ws", ws -> { });
        });
    }

    /** Starts listening; port 0 picks a free port. */
    public ChatHttpServer start(String host, int port) {
        this.listenHost = host;
        this.listenPort = port;
        app.start(host, port);
        return this;
    }

    /** The accept queue the listening socket was opened with. */
    int acceptQueueSize() {
        return connector.getAcceptQueueSize();
    }

    public int port() {
        return app.port();
    }

    public int openConnections() {
        return socket.openClients();
    }

    /** HTTP sessions held in memory now. */
    public long httpSessionsHeld() {
        return httpSessions == null ? 0 : httpSessions.getSessionsCurrent();
    }

    /** Graceful stop: tell WebSocket clients to reconnect elsewhere, let requests finish, then stop. */
    @Override
    public void close() {
        socket.closeAll();
        app.stop();
    }
}
