package io.inkstream.gateway.service;

import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.gateway.config.GatewayConfig;
import io.inkstream.gateway.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks the parts of a request that are not documents: type, options, webhook_url, metadata. */
@ApplicationScoped
public class RequestValidator {

    /** Document types the engine extracts today; typed extractors add theirs here as they land. */
    public static final Set<String> TYPES = Set.of("text");
    static final Set<String> OPTION_KEYS = Set.of("languages", "formats", "detect_orientation");
    static final Set<String> FORMATS = Set.of("json", "text", "hocr");

    private final GatewayConfig config;
    private final ObjectMapper mapper;

    RequestValidator(GatewayConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    public String type(String type) {
        String t = type == null || type.isBlank() ? "text" : type.trim();
        if (!TYPES.contains(t)) {
            throw invalid("type", "unknown document type '" + abbreviate(t) + "'; supported: " + TYPES);
        }
        return t;
    }

    public ExtractionOptions options(String json) {
        if (json == null || json.isBlank()) {
            return ExtractionOptions.defaults();
        }
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (Exception e) {
            throw invalid("options", "options is not valid JSON");
        }
        return options(node);
    }

    public ExtractionOptions options(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return ExtractionOptions.defaults();
        }
        if (!node.isObject()) {
            throw invalid("options", "options must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!OPTION_KEYS.contains(k)) {
                throw invalid("options." + abbreviate(k), "unknown option; supported: " + OPTION_KEYS);
            }
        }
        String languages = node.hasNonNull("languages") ? node.get("languages").asText()
                : ExtractionOptions.DEFAULT_LANGUAGES;
        if (!languages.matches("[a-z_]{3,16}(\\+[a-z_]{3,16}){0,7}")) {
            throw invalid("options.languages", "languages look like 'eng' or 'eng+deu'");
        }
        Set<String> available = new HashSet<>(config.languages());
        for (String lang : languages.split("\\+")) {
            if (!available.contains(lang)) {
                throw new ApiException(ErrorCode.LANGUAGE_UNAVAILABLE,
                        "language '" + lang + "' is not installed; installed: " + config.languages(),
                        Map.of("field", "options.languages"));
            }
        }
        List<String> formats = List.of("json", "text");
        if (node.has("formats")) {
            if (!node.get("formats").isArray()) {
                throw invalid("options.formats", "formats must be an array");
            }
            formats = mapper.convertValue(node.get("formats"), mapper.getTypeFactory()
                    .constructCollectionType(List.class, String.class));
            for (String f : formats) {
                if (!FORMATS.contains(f)) {
                    throw invalid("options.formats", "unknown format '" + abbreviate(f) + "'; supported: " + FORMATS);
                }
            }
        }
        Boolean orientation = node.has("detect_orientation") ? node.get("detect_orientation").asBoolean() : null;
        return new ExtractionOptions(languages, formats, orientation);
    }

    public String webhookUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            if (url.length() > 2048 || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw invalid("webhook_url", "webhook_url must be an absolute http(s) URL");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw invalid("webhook_url", "webhook_url is not a URL");
        }
    }

    public Map<String, String> metadata(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return metadata(mapper.readTree(json));
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw invalid("metadata", "metadata is not valid JSON");
        }
    }

    public Map<String, String> metadata(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject() || node.size() > config.limits().maxMetadataEntries()) {
            throw invalid("metadata", "metadata must be an object of at most "
                    + config.limits().maxMetadataEntries() + " string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        int max = config.limits().maxMetadataValueLength();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getKey().length() > max || e.getValue().asText().length() > max) {
                throw invalid("metadata", "metadata values must be strings of at most " + max + " characters");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    public String name(String name, int index) {
        String n = name == null || name.isBlank() ? "document-" + index : name;
        // Names are labels only, never paths: strip directories and control characters, cap the length.
        n = n.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        int max = config.limits().maxNameLength();
        return n.length() > max ? n.substring(0, max) : n;
    }

    public static ApiException invalid(String field, String detail) {
        return new ApiException(ErrorCode.INVALID_REQUEST, detail, Map.of("field", field));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
