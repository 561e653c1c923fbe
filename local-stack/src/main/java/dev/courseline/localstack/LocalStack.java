package dev.courseline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.springframework.util.FileSystemUtils;

import com.icegreen.greenmail.util.GreenMail;

import dev.courseline.localstack.identity.AuthorizationServer;
import dev.courseline.localstack.kafka.KafkaBroker;
import dev.courseline.localstack.kafka.KafkaBrokerProcess;
import dev.courseline.localstack.kafka.KafkaContainerBroker;
import dev.courseline.localstack.mail.InboxMessages;
import dev.courseline.localstack.mail.MailInbox;
import dev.courseline.localstack.mail.SmtpServer;
import dev.courseline.localstack.mongo.MongoContainerStore;
import dev.courseline.localstack.mongo.MongoStore;
import dev.courseline.localstack.mongo.MongoWireServer;

/**
 * Courseline's infrastructure on one machine: a Kafka broker, a MongoDB endpoint, an SMTP server with an inbox page,
 * and an OpenID Connect provider (Spring Authorization Server) for the staff users. Tests get one per JVM from {@link #current()}; the launcher starts one with
 * fixed ports with {@link #start(LocalStackSettings)}.
 */
public final class LocalStack implements AutoCloseable {

    /** Shutdown hooks of Spring Boot and Spring, which close application contexts that may still use the stack. */
    private static final Set<String> SPRING_SHUTDOWN_HOOKS = Set.of("SpringApplicationShutdownHook",
            "SpringContextShutdownHook");
    private static final Duration SPRING_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private static LocalStack current;

    private final LocalStackSettings settings;
    private final Path kafkaDirectory;
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final Thread shutdownHook = new Thread(this::closeAfterSpringShutdownHooks, "local-stack-shutdown");
    private KafkaBroker kafka;
    private MongoStore mongo;
    private SmtpServer smtp;
    private MailInbox inbox;
    private AuthorizationServer identity;
    private volatile boolean closed;

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
        this.kafkaDirectory = settings.dataDirectory().map(data -> data.resolve("kafka"))
                .orElseGet(LocalStack::tempDirectory);
    }

    /** The stack of this JVM, started on first use with free ports and the mode of {@code courseline.infra}. */
    public static synchronized LocalStack current() {
        if (current == null) {
            current = start(LocalStackSettings.forTests(InfraMode.resolve()));
        }
        return current;
    }

    /** Starts a stack; it stops with {@link #close()} or, at the latest, when the JVM exits. */
    public static synchronized LocalStack start(LocalStackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            stack.closeQuietly();
            throw e;
        }
        if (current == null) {
            current = stack;
        }
        return stack;
    }

    /**
     * Registers something that uses the stack (service processes, say) to be closed before the stack's own pieces,
     * whether the stack is closed by {@link #close()} or at JVM exit.
     */
    public synchronized <T extends AutoCloseable> T closeFirst(T dependent) {
        started.push(dependent);
        return dependent;
    }

    public LocalStackSettings settings() {
        return settings;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    /** Stops the broker gracefully and waits until its ports are free. Embedded mode only. */
    public void stopKafka() {
        requireBrokerRestart();
        kafka.stop();
    }

    /** Starts the broker again on the same ports with the same data and waits until clients can use it. */
    public void startKafka() {
        requireBrokerRestart();
        kafka.start();
    }

    /**
     * Kills the broker (SIGKILL, no clean shutdown) and waits until its ports are free; {@link #startKafka()} brings it
     * back on the same ports with the same data. Embedded mode only.
     */
    public void killKafka() {
        requireBrokerRestart();
        kafka.kill();
    }

    /** Freezes the broker (SIGSTOP in embedded mode, a paused container otherwise) until {@link #unpauseKafka()}. */
    public void pauseKafka() {
        kafka.pause();
    }

    public void unpauseKafka() {
        kafka.unpause();
    }

    /**
     * Makes the store unreachable, keeping its data, until {@link #resumeMongo()}: embedded, it stops listening and
     * drops its connections; with containers, the container is paused. Either way a service's store calls fail.
     */
    public void suspendMongo() {
        mongo.suspend();
    }

    public void resumeMongo() {
        mongo.resume();
    }

    /**
     * Stops the store as a restart of it would, until {@link #startMongo()}: the port closed and every connection
     * dropped; with a data directory the store's file is written out and closed, and read back from disk at the start.
     * Embedded mode only (a container restarted gets another port).
     */
    public void stopMongo() {
        requireStoreRestart();
        mongo.stopForRestart();
    }

    /** Serves the store again on the same port with the data it had when it stopped. */
    public void startMongo() {
        requireStoreRestart();
        mongo.startAfterRestart();
    }

    public boolean supportsStoreRestart() {
        return mongo.supportsRestart();
    }

    public boolean supportsBrokerRestart() {
        return kafka.supportsRestart();
    }

    public GreenMail greenMail() {
        return smtp.greenMail();
    }

    public String smtpHost() {
        return smtp.host();
    }

    public int smtpPort() {
        return smtp.port();
    }

    /** Stops accepting SMTP connections on the port; received emails are kept. */
    public void stopSmtp() {
        smtp.stopListening();
    }

    /** Accepts SMTP connections again on the same port. */
    public void startSmtp() {
        smtp.startListening();
    }

    /** Refuses every email to {@code address} at RCPT TO with SMTP {@code code} (4xx: try later, 5xx: never). */
    public void refuseMailTo(String address, int code) {
        smtp.refusals().refuse(address, code);
    }

    /** Accepts email to {@code address} again. */
    public void acceptMailTo(String address) {
        smtp.refusals().accept(address);
    }

    public String inboxUrl() {
        return inbox.url();
    }

    public String issuerUri() {
        return identity.issuerUri();
    }

    public String jwkSetUri() {
        return identity.jwkSetUri();
    }

    /** A signed access token for a predefined user of docs/conventions.md (cora, sam, sofia or ada), as POST /token gives. */
    public String tokenFor(String user) {
        return identity.tokenFor(user);
    }

    /** A predefined user's token, signed by the same key, but for another audience than the services' courseline. */
    public String tokenForAudience(String user, String audience) {
        return identity.tokenForAudience(user, audience);
    }

    /** A signed token for any subject with the given roles (no team). */
    public String tokenWith(String subject, String... roles) {
        return identity.tokenWith(subject, roles);
    }

    /** The environment a service process needs to use this stack, with its own database. */
    public Map<String, String> serviceEnvironment(String database) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        environment.put("MONGODB_URI", mongoUri(database));
        environment.put("SMTP_HOST", smtpHost());
        environment.put("SMTP_PORT", String.valueOf(smtpPort()));
        environment.put("JWT_ISSUER_URI", issuerUri());
        environment.put("JWT_JWK_SET_URI", jwkSetUri());
        return environment;
    }

    /** Stops everything this stack started, in reverse order. Safe to call more than once. */
    @Override
    public void close() {
        synchronized (LocalStack.class) {
            if (current == this) {
                current = null;
            }
        }
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("stopping the local stack failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (!settings.keepsData()) {
            try {
                FileSystemUtils.deleteRecursively(kafkaDirectory);
            } catch (IOException e) {
                System.err.println("local-stack: could not delete " + kafkaDirectory + ": " + e.getMessage());
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // closing from the hook itself
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * At JVM exit every shutdown hook runs at once. Spring's close the cached test contexts (and a service's), whose
     * Kafka and Mongo clients would otherwise spend seconds reconnecting to a stack that is already gone; so this one
     * waits for them first. The broker process also exits by itself once this JVM is gone (see BrokerMain).
     */
    private void closeAfterSpringShutdownHooks() {
        long deadline = System.nanoTime() + SPRING_SHUTDOWN_WAIT.toNanos();
        long lookUntil = System.nanoTime() + Duration.ofMillis(200).toNanos();
        try {
            boolean sawSpringHook = false;
            while (System.nanoTime() < (sawSpringHook ? deadline : lookUntil)) {
                List<Thread> springHooks = Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> SPRING_SHUTDOWN_HOOKS.contains(thread.getName()) && thread.isAlive())
                        .toList();
                if (springHooks.isEmpty() && sawSpringHook) {
                    break;
                }
                sawSpringHook |= !springHooks.isEmpty();
                for (Thread hook : springHooks) {
                    hook.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("local-stack: " + e.getMessage());
        }
    }

    /**
     * The broker takes seconds and the authorization server about one; both start in the background while the rest
     * (well under a second) starts here.
     */
    private void startAll() {
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(this::startBroker);
        CompletableFuture<AuthorizationServer> authorizationServer = CompletableFuture.supplyAsync(this::startIdentity);
        try {
            mongo = track(newMongo());
            smtp = new SmtpServer(settings.smtpPort(), settings.mailRetention()).start();
            started.push(smtp::close);
            inbox = track(
                    new MailInbox(settings.inboxPort(), new InboxMessages(smtp.greenMail()), settings.mailRetention())
                            .start());
        } finally {
            RuntimeException failure = null;
            try {
                identity = track(joined(authorizationServer));
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                kafka = track(joined(broker));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private AuthorizationServer startIdentity() {
        return settings.dataDirectory()
                .map(data -> AuthorizationServer.withKeyFile(settings.identityPort(),
                        data.resolve("identity/signing-key.json")))
                .orElseGet(() -> AuthorizationServer.withFreshKey(settings.identityPort()))
                .start();
    }

    private static <T> T joined(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private KafkaBroker startBroker() {
        KafkaBroker broker = settings.mode() == InfraMode.CONTAINERS
                ? new KafkaContainerBroker()
                : new KafkaBrokerProcess(settings.kafkaPort(), settings.kafkaControllerPort(), kafkaDirectory,
                        settings.brokerMaxHeap());
        broker.start();
        return broker;
    }

    private MongoStore newMongo() {
        if (settings.mode() == InfraMode.CONTAINERS) {
            return new MongoContainerStore().start();
        }
        return settings.dataDirectory()
                .map(data -> MongoWireServer.inFile(settings.mongoPort(), data.resolve("mongo/courseline.mv")))
                .orElseGet(() -> MongoWireServer.inMemory(settings.mongoPort()))
                .start();
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    private void requireBrokerRestart() {
        if (!supportsBrokerRestart()) {
            throw new UnsupportedOperationException("stopping and starting the broker needs embedded mode ("
                    + InfraMode.PROPERTY + "=embedded)");
        }
    }

    private void requireStoreRestart() {
        if (!supportsStoreRestart()) {
            throw new UnsupportedOperationException("restarting the store on its port needs embedded mode ("
                    + InfraMode.PROPERTY + "=embedded)");
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("courseline-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
