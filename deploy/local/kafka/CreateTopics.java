import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the Inkstream topics in one JVM (one TopicCommand call per topic costs about 3 s each).
 * Usage: java -cp 'kafka/lib/*' CreateTopics.java BOOTSTRAP TOPIC:PARTITIONS...
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
        for (int i = 1; i < args.length; i++) {
            int colon = args[i].lastIndexOf(':');
            wanted.put(args[i].substring(0, colon), Integer.parseInt(args[i].substring(colon + 1)));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "inkstream-deploy-local");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            wanted.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, (short) 1)));
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
