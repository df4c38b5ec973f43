package org.empreinte.factor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The classes of NAICS Canada 2022 ({@code naics-scian-2022.csv}: Statistics Canada's codes, levels and English
 * titles) with the project's own search words ({@code naics-search-words.csv}, French and English), searched by
 * words in any order or by code. StatCan's French titles were not at hand: a French reader finds a class by the
 * project's French words and reads them beside the English title.
 */
public final class NaicsDirectory {

    public static final String FILE = "naics-scian-2022.csv";
    public static final String WORDS_FILE = "naics-search-words.csv";

    /** Words so common in titles and searches that they would match everything, in both languages. */
    private static final Set<String> STOP_WORDS = Set.of("de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "a",
            "au", "aux", "pour", "un", "une", "and", "of", "the", "for", "in", "or");

    /**
     * One class: its code, its level (1 sector, 2 subsector, 3 industry group, 4 industry, 5 Canadian industry),
     * StatCan's English title, and the project's search words by language ("fr", "en").
     */
    public record NaicsClass(String code, int level, String title, Map<String, List<String>> words) {

        public NaicsClass {
            words = Map.copyOf(words);
        }

        /** The project's words in that language, empty when it has none. */
        public List<String> words(String language) {
            return words.getOrDefault(language, List.of());
        }
    }

    private record Indexed(NaicsClass naicsClass, Set<String> titleWords, Map<String, List<Set<String>>> phrases,
            String foldedTitle, Map<String, Set<String>> phraseTexts) {
    }

    private final Map<String, Indexed> byCode;

    private NaicsDirectory(Map<String, Indexed> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    public static NaicsDirectory empty() {
        return new NaicsDirectory(Map.of());
    }

    /** Reads both files of the folder; a row that cannot be used stops start-up with its line. No file, no classes. */
    public static NaicsDirectory load(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return empty();
        }
        Map<String, String[]> classes = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<String, String>> row : rows(file).entrySet()) {
            String code = row.getValue().getOrDefault("code", "").strip();
            String level = row.getValue().getOrDefault("level", "").strip();
            String title = row.getValue().getOrDefault("title", "").strip();
            if (!code.matches("\\d{2,6}|\\d{2}-\\d{2}") || !level.matches("[1-5]") || title.isEmpty()) {
                throw new FactorFileException(file, row.getKey(), "code", "'" + code + "' is not a NAICS class with its level and title");
            }
            classes.put(code, new String[] {level, title});
        }
        Map<String, Map<String, List<String>>> words = new LinkedHashMap<>();
        Path wordsFile = directory.resolve(WORDS_FILE);
        if (Files.exists(wordsFile)) {
            for (Map.Entry<Integer, Map<String, String>> row : rows(wordsFile).entrySet()) {
                String code = row.getValue().getOrDefault("code", "").strip();
                String language = row.getValue().getOrDefault("lang", "").strip();
                if (!classes.containsKey(code)) {
                    throw new FactorFileException(wordsFile, row.getKey(), "code", "'" + code + "' is not a class of " + FILE);
                }
                if (!language.equals("fr") && !language.equals("en")) {
                    throw new FactorFileException(wordsFile, row.getKey(), "lang", "lang must be fr or en");
                }
                List<String> phrases = words.computeIfAbsent(code, k -> new LinkedHashMap<>())
                        .computeIfAbsent(language, k -> new ArrayList<>());
                Arrays.stream(row.getValue().getOrDefault("words", "").split(";")).map(String::strip)
                        .filter(w -> !w.isEmpty()).forEach(phrases::add);
            }
        }
        Map<String, Indexed> byCode = new LinkedHashMap<>();
        classes.forEach((code, value) -> {
            NaicsClass naicsClass = new NaicsClass(code, Integer.parseInt(value[0]), value[1],
                    words.getOrDefault(code, Map.of()));
            Map<String, List<Set<String>>> phrases = new LinkedHashMap<>();
            Map<String, Set<String>> phraseTexts = new LinkedHashMap<>();
            naicsClass.words().forEach((language, list) -> {
                phrases.put(language, list.stream().map(NaicsDirectory::tokens).map(Set::copyOf).toList());
                phraseTexts.put(language, Set.copyOf(list.stream().map(NaicsDirectory::key).toList()));
            });
            byCode.put(code, new Indexed(naicsClass, Set.copyOf(tokens(value[1])), phrases, key(value[1]), phraseTexts));
        });
        return new NaicsDirectory(byCode);
    }

    private static Map<Integer, Map<String, String>> rows(Path file) {
        Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class).with(schema).readValues(file.toFile())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                rows.put(it.getCurrentLocation().getLineNr(), row);
            }
        } catch (IOException | RuntimeException e) {
            throw new FactorFileException(file, 0, null, "cannot read the NAICS classes: " + e.getMessage(), e);
        }
        return rows;
    }

    public Optional<NaicsClass> find(String code) {
        Indexed found = code == null ? null : byCode.get(code.strip());
        return Optional.ofNullable(found).map(Indexed::naicsClass);
    }

    public int size() {
        return byCode.size();
    }

    /**
     * The classes that match every word of the query (each word starts a word of the title or of the project's
     * words, accents and case aside), or whose code starts with the digits typed; best first: the code itself, then
     * codes under it, then words whole before words begun, the reader's language before the other, the most detailed
     * class before the coarser ones that bear the same title. Sectors written as a range (31-33) are left out: a
     * code field takes one of their subsectors.
     */
    public List<NaicsClass> search(String query, String language, int limit) {
        List<String> tokens = tokens(query == null ? "" : query);
        List<String> meaningful = tokens.stream().filter(t -> !STOP_WORDS.contains(t)).toList();
        if (!meaningful.isEmpty()) {
            tokens = meaningful;
        }
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<String> digits = tokens.stream().filter(t -> t.chars().allMatch(Character::isDigit)).toList();
        List<String> words = tokens.stream().filter(t -> !digits.contains(t)).toList();
        String phrase = String.join(" ", words);
        List<Map.Entry<Indexed, Integer>> scored = new ArrayList<>();
        for (Indexed entry : byCode.values()) {
            String code = entry.naicsClass().code();
            if (!code.chars().allMatch(Character::isDigit)) {
                continue;
            }
            int score = 0;
            if (!digits.isEmpty()) {
                String typed = digits.get(0);
                if (code.equals(typed)) {
                    score += 1000;
                } else if (code.startsWith(typed)) {
                    score += 500 - code.length();
                } else {
                    continue;
                }
            }
            if (!words.isEmpty()) {
                int wordScore = wordScore(entry, words, phrase, language);
                if (wordScore == 0) {
                    continue;
                }
                score += wordScore;
            }
            scored.add(Map.entry(entry, score));
        }
        scored.sort(Comparator.comparing((Map.Entry<Indexed, Integer> e) -> -e.getValue())
                .thenComparing(e -> digits.isEmpty() ? -e.getKey().naicsClass().level() : e.getKey().naicsClass().level())
                .thenComparing(e -> e.getKey().naicsClass().code()));
        List<NaicsClass> result = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (Map.Entry<Indexed, Integer> entry : scored) {
            // 624410, 62441 and 6244 are all "Child day-care services": the most detailed says it all.
            if (digits.isEmpty() && !titles.add(entry.getKey().foldedTitle())) {
                continue;
            }
            result.add(entry.getKey().naicsClass());
            if (result.size() == limit) {
                break;
            }
        }
        return result;
    }

    /** 0 unless every word matches; more for whole words, the reader's language and a whole phrase. */
    private static int wordScore(Indexed entry, List<String> words, String phrase, String language) {
        int total = 0;
        for (String word : words) {
            int best = 0;
            for (Map.Entry<String, List<Set<String>>> phrases : entry.phrases().entrySet()) {
                boolean own = phrases.getKey().equals(language);
                for (Set<String> tokens : phrases.getValue()) {
                    best = Math.max(best, match(tokens, word) * (own ? 3 : 1));
                }
            }
            best = Math.max(best, match(entry.titleWords(), word) * 2);
            if (best == 0) {
                return 0;
            }
            total += best;
        }
        if (entry.foldedTitle().equals(phrase) || entry.phraseTexts().values().stream().anyMatch(s -> s.contains(phrase))) {
            total += 20;
        }
        return total;
    }

    /** 2 when the word is one of the tokens, 1 when it begins one, 0 otherwise. */
    private static int match(Set<String> tokens, String word) {
        if (tokens.contains(word)) {
            return 2;
        }
        for (String token : tokens) {
            if (token.startsWith(word)) {
                return 1;
            }
        }
        return 0;
    }

    /** The words that matter, folded, in their order: what a whole query is compared with. */
    private static String key(String text) {
        return String.join(" ", tokens(text).stream().filter(t -> !STOP_WORDS.contains(t)).toList());
    }

    /** Lower case without accents, cut at anything that is not a letter or a digit: "Day-care" gives day, care. */
    static List<String> tokens(String text) {
        String folded = fold(text);
        List<String> tokens = new ArrayList<>();
        for (String token : folded.split("[^a-z0-9]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Lower case without accents, so "montreal" finds Montréal and "epicerie" finds épicerie. */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
