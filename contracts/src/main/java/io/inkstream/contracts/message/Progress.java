package io.inkstream.contracts.message;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Documents and pages done out of total; totals grow as documents are split into pages. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(int documentsDone, int documentsTotal, int pagesDone, int pagesTotal) {
}
