package io.inkstream.gateway.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Topics;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.gateway.service.ActiveJobs;
import io.inkstream.gateway.service.JobEventBus;
import io.inkstream.gateway.service.SyncWaiters;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Follows inkstream.events by partition assignment, without a consumer group: every replica sees every
 * event from the latest offset on, and no committed offsets or orphaned groups are left behind.
 */
@ApplicationScoped
public class LifecycleEventListener {

    private static final Logger LOG = Logger.getLogger(LifecycleEventListener.class);

    private final SyncWaiters waiters;
    private final JobEventBus bus;
    private final ActiveJobs activeJobs;
    private final ObjectMapper mapper;
    private final String bootstrapServers;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean assigned;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    LifecycleEventListener(SyncWaiters waiters, JobEventBus bus, ActiveJobs activeJobs, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.activeJobs = activeJobs;
        this.waiters = waiters;
        this.bus = bus;
        this.mapper = mapper;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent ev) {
        running.set(true);
        thread = new Thread(this::run, "lifecycle-events");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running.set(false);
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(5000);
        }
    }

    /** True once partitions are assigned and positioned: sync waits can be served. */
    public boolean ready() {
        return assigned && running.get();
    }

    private void run() {
        while (running.get()) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props())) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(Topics.EVENTS, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                c.seekToEnd(partitions);
                partitions.forEach(c::position);
                assigned = true;
                LOG.infof("following %s on %d partitions", Topics.EVENTS, partitions.size());
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                        handle(r);
                    }
                }
            } catch (WakeupException e) {
                // shutdown
            } catch (RuntimeException e) {
                assigned = false;
                LOG.warnf("lifecycle event listener failed, reconnecting: %s", e.toString());
                sleepQuietly();
            }
        }
        assigned = false;
    }

    private void handle(ConsumerRecord<String, String> r) {
        try {
            JsonNode event = mapper.readTree(r.value());
            String type = event.path("type").asText();
            String jobId = event.path("subject").asText();
            bus.publish(jobId, new JobEventBus.JobEvent(event.path("id").asText(), type, r.value()));
            if (EventTypes.JOB_COMPLETED.equals(type) || EventTypes.JOB_CANCELLED.equals(type)) {
                waiters.complete(jobId, type);
                JsonNode data = event.path("data");
                activeJobs.release(data.path("tenant_id").asText(), data.path("test").asBoolean(), jobId)
                        .subscribe().with(x -> { }, e -> { });
            }
        } catch (Exception e) {
            LOG.warnf("skipping unreadable event at %s-%d@%d", r.topic(), r.partition(), r.offset());
        }
    }

    private Properties props() {
        Properties p = new Properties();
        p.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "gateway-events-" + ProcessHandle.current().pid()));
        return p;
    }

    private void sleepQuietly() {
        try {
            // Back off before reconnecting to a broker that just failed; not a test synchronisation.
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
