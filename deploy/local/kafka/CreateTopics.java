import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the Inkstream topics in one JVM (one TopicCommand call per topic costs about 3 s each).
 * Usage: java -cp 'kafka/lib/*' CreateTopics.java BOOTSTRAP TOPIC:PARTITIONS[:RETENTION_MS]...
 * A retention is set on creation and re-applied to an existing topic, so a changed value takes effect.
 * Idempotent: an existing topic is kept; a partition count that differs from the wanted one is an error,
 * since keys would then hash to other partitions than the services expect.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CreateTopics BOOTSTRAP TOPIC:PARTITIONS...");
            System.exit(2);
        }
        Map<String, Integer> wanted = new LinkedHashMap<>();
        Map<String, String> retention = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split(":");
            wanted.put(parts[0], Integer.parseInt(parts[1]));
            if (parts.length > 2) {
                retention.put(parts[0], parts[2]);
            }
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "inkstream-deploy-local");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            wanted.forEach((name, partitions) -> {
                NewTopic t = new NewTopic(name, partitions, (short) 1);
                if (retention.containsKey(name)) {
                    t.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retention.get(name)));
                }
                topics.add(t);
            });
            int created = 0;
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause(), e);
                    }
                }
            }
            Map<ConfigResource, java.util.Collection<AlterConfigOp>> alter = new LinkedHashMap<>();
            retention.forEach((name, ms) -> alter.put(new ConfigResource(ConfigResource.Type.TOPIC, name),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, ms),
                            AlterConfigOp.OpType.SET))));
            if (!alter.isEmpty()) {
                admin.incrementalAlterConfigs(alter).all().get(60, TimeUnit.SECONDS);
            }
            Map<String, TopicDescription> described =
                    admin.describeTopics(wanted.keySet()).allTopicNames().get(60, TimeUnit.SECONDS);
            List<String> wrong = new ArrayList<>();
            described.forEach((name, d) -> {
                if (d.partitions().size() != wanted.get(name)) {
                    wrong.add(name + " has " + d.partitions().size() + " partitions, wanted " + wanted.get(name));
                }
            });
            if (!wrong.isEmpty()) {
                System.err.println("topics with unexpected partition counts: " + String.join("; ", wrong));
                System.exit(1);
            }
            System.out.println("topics ready: " + described.size() + " (" + created + " created now)");
        }
    }
}
