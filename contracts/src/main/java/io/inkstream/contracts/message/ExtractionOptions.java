package io.inkstream.contracts.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What the client asked the engine for: languages (Tesseract codes joined by '+'), output formats, orientation detection. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtractionOptions(String languages, List<String> formats, Boolean detectOrientation) {

    public static final String DEFAULT_LANGUAGES = "eng";

    public static ExtractionOptions defaults() {
        return new ExtractionOptions(DEFAULT_LANGUAGES, List.of("json", "text"), Boolean.TRUE);
    }

    /** Languages to load, never null. */
    public String languagesOrDefault() {
        return languages == null || languages.isBlank() ? DEFAULT_LANGUAGES : languages;
    }

    public boolean detectOrientationOrDefault() {
        return detectOrientation == null || detectOrientation;
    }
}
