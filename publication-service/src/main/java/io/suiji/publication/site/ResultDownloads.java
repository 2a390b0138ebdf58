package io.suiji.publication.site;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.suiji.publication.publicresults.PublishedResults;
import io.suiji.publication.publicresults.ResultQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The open-data downloads written while the rows are read: the response body is produced after the
 * resource method has returned, so the rows are read in a transaction of the body's own. The caller
 * checks the parameters and the row cap first, so that a problem is answered before any byte is written.
 */
@ApplicationScoped
class ResultDownloads {

    private static final int BUFFER = 64 * 1024;

    private final PublishedResults results;
    private final ObjectWriter json;

    @Inject
    ResultDownloads(PublishedResults results, ObjectMapper mapper) {
        this.results = results;
        // The service's own mapper, as the JSON API uses; one flush at the end, not one per row.
        this.json = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    StreamingOutput csv(ResultQuery q, int limit) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
            ResultsCsv.header(writer);
            read(q, limit, row -> ResultsCsv.row(writer, row));
            writer.flush();
        };
    }

    StreamingOutput json(ResultQuery q, int limit) {
        return out -> {
            OutputStream buffered = new BufferedOutputStream(out, BUFFER);
            try (JsonGenerator generator = json.createGenerator(buffered)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                generator.writeStartArray();
                read(q, limit, row -> json.writeValue(generator, row));
                generator.writeEndArray();
            }
            buffered.flush();
        };
    }

    private interface RowWriter {
        void write(PublishedResults.PublicResult row) throws IOException;
    }

    private void read(ResultQuery q, int limit, RowWriter writer) throws IOException {
        try {
            QuarkusTransaction.requiringNew().run(() -> results.forEach(q, limit, row -> {
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
