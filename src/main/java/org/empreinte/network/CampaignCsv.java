package org.empreinte.network;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.empreinte.web.CsvCells;
import org.empreinte.web.Messages;

/** A campaign's status as CSV: one row per named member, headers and states in the reader's language. */
final class CampaignCsv {

    static final List<String> COLUMNS = List.of("organization_id", "member", "state", "version", "submitted_at", "updated_at",
            "comment");
    private static final CsvMapper MAPPER = new CsvMapper();

    private CampaignCsv() {
    }

    static String write(CampaignStatus status, Messages messages) {
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(column -> schema.addColumn(messages.get("campaign_csv_" + column)));
        StringWriter text = new StringWriter();
        try (var writer = MAPPER.writer(schema.build().withHeader()).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .writeValues(text)) {
            for (CampaignStatus.MemberStatus member : status.members()) {
                // Names are what members typed, comments what coordinators typed: neither may run in a spreadsheet.
                writer.write(new String[] {Long.toString(member.organizationId()), CsvCells.toCell(member.name()),
                    messages.get("campaign_state_" + member.state()),
                    member.version() == null ? "" : member.version().toString(), blank(member.submittedAt()),
                    blank(member.updatedAt()), member.comment() == null ? "" : CsvCells.toCell(member.comment())});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }
}
