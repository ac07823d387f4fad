package org.asbportal.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of the test MariaDB that a test can cut and restore, to see how the portal
 * behaves while its database is unreachable.
 */
public class DatabaseProxy implements QuarkusTestResourceLifecycleManager {

    private static final String TEST_URL = "%test.quarkus.datasource.jdbc.url";

    private static volatile DatabaseProxy current;

    private String previousUrl;

    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private ServerSocket server;

    public static void cut() {
        current.cut = true;
        current.sockets.forEach(DatabaseProxy::closeQuietly);
        current.sockets.clear();
    }

    public static void restore() {
        current.cut = false;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("Could not open the database proxy", e);
        }
        current = this;
        Thread acceptor = new Thread(this::accept, "database-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        String url = "jdbc:mariadb://127.0.0.1:" + server.getLocalPort() + "/" + testDatabase()
                + "?createDatabaseIfNotExist=true&connectTimeout=2000";
        // A build that gives its own database as -D%test.quarkus.datasource.jdbc.url sets a system
        // property, which outranks what a test resource returns: replace it while the proxy runs.
        previousUrl = System.getProperty(TEST_URL);
        if (previousUrl != null) {
            System.setProperty(TEST_URL, url);
        }
        return Map.of("quarkus.datasource.jdbc.url", url, TEST_URL, url,
                "quarkus.datasource.jdbc.acquisition-timeout", "3S");
    }

    /**
     * The database the other tests use: {@code asb_test}, or the one the environment gives the test
     * profile ({@code _TEST_QUARKUS_DATASOURCE_JDBC_URL}), so that two builds on one MariaDB server
     * never clean each other's tables.
     */
    private static String testDatabase() {
        String url = System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL");
        Matcher database = Pattern.compile("^jdbc:mariadb://[^/]+/([^?;]+)").matcher(url == null ? "" : url);
        return database.find() ? database.group(1) : "asb_test";
    }

    @Override
    public void stop() {
        if (previousUrl != null) {
            System.setProperty(TEST_URL, previousUrl);
        }
        closeQuietly(server);
        sockets.forEach(DatabaseProxy::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket database = new Socket(InetAddress.getLoopbackAddress(), 3306);
                sockets.add(client);
                sockets.add(database);
                pipe(client, database);
                pipe(database, client);
            } catch (IOException e) {
                // server closed, or the database refused: the client sees a dropped connection
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                }
            } catch (IOException e) {
                // connection closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "database-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }
}
