package io.inkstream.systemtests;

import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Where the running suite is: read from the environment that deploy/local/inkstream test exports. */
final class Suite {

    static final String GATEWAY = env("INKSTREAM_GATEWAY_URL", "http://127.0.0.1:8080");
    static final String API_KEY = env("INKSTREAM_API_KEY", null);
    static final String KAFKA = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    static final String TENANT = env("INKSTREAM_TENANT", "demo");

    private Suite() {
    }

    static RequestSpecification api() {
        if (API_KEY == null) {
            throw new IllegalStateException("INKSTREAM_API_KEY is not set: run through deploy/local/inkstream test");
        }
        return RestAssured.given().baseUri(GATEWAY).header("Authorization", "Bearer " + API_KEY);
    }

    static RequestSpecification anonymous() {
        return RestAssured.given().baseUri(GATEWAY);
    }

    static Properties consumer(String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
