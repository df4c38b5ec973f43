package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dropwizard.jackson.Jackson;

import org.empreinte.Tiers;
import org.empreinte.activity.ImportRefusedException.RowError;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.db.TestDatabase;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.organization.OrganizationService;
import org.empreinte.web.Messages;

/** The words and numbers a spreadsheet's file may hold, below the API: French names and values, refusals in both languages. */
@Tiers.Database
@DisplayName("Spreadsheet files: French names and values, decimal conventions, refusals in French and English")
class SpreadsheetFormatsTest {

    private static final FactorLibrary LIBRARY = org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada", "desnz-2024"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private OrganizationService organizations;
    private ActivityImport imports;
    private ActivityCsv csv;

    @BeforeEach
    void openDatabase() {
        Jdbi jdbi = TestDatabase.migrated(folder.resolve("formats.db"));
        ObjectMapper json = Jackson.newObjectMapper();
        organizations = TestDatabase.organizations(jdbi, CLOCK);
        AuditTrail audit = new AuditTrail(jdbi, json, CLOCK);
        ActivityFeature feature = ActivityFeature.wire(jdbi, LIBRARY, json, CLOCK, audit, new UnitOfWork(jdbi, audit));
        imports = feature.imports();
        csv = feature.csv();
    }

    private List<ActivityCsv.Row> rows(String text) {
        List<ActivityCsv.Row> rows = new ArrayList<>();
        try (ActivityCsv.Reader reader = csv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            for (ActivityCsv.Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        } catch (ImportRefusedException e) {
            throw new AssertionError(e.errors().toString(), e);
        }
        return rows;
    }

    @Test
    void readsFrenchColumnNamesAndValuesWhateverTheirCaseAndAccents() {
        List<ActivityCsv.Row> rows = rows("TYPE D’ACTIVITE;quantite;Unité;Date;Qualite des donnees;Matière;Traitement;"
                + "Aéroport de départ;Aller-retour;Classe\n"
                + "Matières résiduelles;1 250,5;kg;31/12/2024;ESTIMÉE;carton;Recyclage;;;\n"
                + "vol d'avion;;;05/03/2024;mesurée;;;YUL;vrai;économique\n");

        assertThat(rows).extracting(row -> row.request().type(), row -> row.request().quantity(), row -> row.request().date(),
                row -> row.request().dataQuality()).containsExactly(
                        tuple("waste", 1250.5, "2024-12-31", "estimated"),
                        tuple("flight", null, "2024-03-05", "measured"));
        assertThat(rows.get(0).request().attributes()).isEqualTo(Map.of("material", "cardboard", "disposal", "recycling"));
        assertThat(rows.get(1).request().attributes()).isEqualTo(Map.of("from", "YUL", "roundTrip", true, "cabin", "economy"));
        assertThat(rows).allMatch(row -> row.errors().isEmpty());
    }

    @Test
    void anUnknownTypeListsTheAcceptedTypesInTheReadersLanguage() {
        long org = organizations.create(new OrganizationRequest("Coop", "624410", "CA-QC", 10.0, null, null)).id();
        byte[] file = "Type;Quantité;Unité;Date\nélectrique;100;kWh;15/01/2024\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> imports.importCsv(org, "f.csv", file)).isInstanceOfSatisfying(ImportRefusedException.class, e -> {
            RowError error = e.errors().get(0);
            assertThat(error).extracting(RowError::row, RowError::column).containsExactly(2, "type");
            String french = Messages.of(Messages.FRENCH).format(error.messageKey(), error.messageArgs().toArray());
            String english = Messages.of(Messages.ENGLISH).format(error.messageKey(), error.messageArgs().toArray());
            assertThat(french).startsWith("Type « électrique » inconnu ; types acceptés : électricité, gaz naturel, mazout")
                    .contains("vol d'avion").doesNotContain("natural gas");
            assertThat(english).startsWith("Unknown type 'électrique'; accepted types: electricity, natural gas,")
                    .doesNotContain("gaz naturel");
            assertThat(error.message()).startsWith("unknown type 'électrique'; known types: [electricity, natural_gas");
        });
    }

    @Test
    void aCommaFileKeepsItsDecimalPointsAndTakesAQuotedDecimalCommaAsTheFilesWay() {
        assertThat(rows("type,quantity\nelectricity,\"1,5\"\nelectricity,\"12 000,25\"\nelectricity,7\n"))
                .extracting(row -> row.request().quantity()).containsExactly(1.5, 12_000.25, 7.0);
        List<ActivityCsv.Row> mixed = rows("type,quantity\nelectricity,2.5\nelectricity,\"1,5\"\n");
        assertThat(mixed.get(1).errors()).singleElement().satisfies(error -> {
            assertThat(error).extracting(RowError::row, RowError::column).containsExactly(3, "quantity");
            assertThat(Messages.of(Messages.FRENCH).format(error.messageKey(), error.messageArgs().toArray())).isEqualTo(
                    "« 1,5 » n'est pas écrit comme les nombres de ce fichier : avec un point décimal, par exemple 1234.5"
                            + " (sans espace ni séparateur de milliers) ; la ligne 2 écrit 2.5.");
        });
    }

    @Test
    void aCommaFileRefusesOneCommaAndThreeDigitsUntilItsNumbersSayWhichMarkTheyUse() {
        List<ActivityCsv.Row> first = rows("type,quantity\nelectricity,\"1,234\"\nelectricity,\"1,5\"\nelectricity,\"1,234\"\n");
        assertThat(first.get(0).errors()).singleElement().satisfies(error -> {
            assertThat(error).extracting(RowError::row, RowError::column).containsExactly(2, "quantity");
            assertThat(error.message()).isEqualTo("quantity '1,234' could be read as 1234 or as 1.234: write it without its"
                    + " comma, or with a decimal point");
            assertThat(Messages.of(Messages.FRENCH).format(error.messageKey(), error.messageArgs().toArray()))
                    .isEqualTo("« 1,234 » peut se lire 1234 ou 1.234 : écrivez-le sans sa virgule, ou avec un point décimal.");
        });
        assertThat(first.get(2).request().quantity()).as("after a decimal comma, it is one").isEqualTo(1.234);
        assertThat(rows("type;quantity\nelectricity;1,234\n").get(0).request().quantity()).isEqualTo(1.234);
    }

    @Test
    void excelDaysAndFrenchDatesBecomeIsoDates() {
        assertThat(ActivityCsv.excelDate("45292")).isEqualTo("2024-01-01");
        assertThat(ActivityCsv.isoDate("5/3/2024")).isEqualTo("2024-03-05");
        assertThat(ActivityCsv.isoDate("31/02/2024")).as("left for the rules to refuse").isEqualTo("31/02/2024");
        assertThat(XlsxRecords.isDateFormat("dd/mm/yyyy")).isTrue();
        assertThat(XlsxRecords.isDateFormat("#,##0.00\" kWh\"")).isFalse();
        assertThat(XlsxRecords.isDateFormat("General")).isFalse();
    }
}
