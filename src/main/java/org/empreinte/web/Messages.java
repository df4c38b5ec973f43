package org.empreinte.web;

import java.text.MessageFormat;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

/** The page texts of one language, from {@code messages_fr.properties} and {@code messages_en.properties}. */
public final class Messages {

    public static final Locale FRENCH = Locale.CANADA_FRENCH;
    public static final Locale ENGLISH = Locale.CANADA;
    public static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH);
    private static final String BUNDLE = "org.empreinte.web.messages";

    private final Locale locale;
    private final ResourceBundle bundle;
    private final Map<String, String> texts;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(locale.getLanguage()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.texts = Collections.unmodifiableMap(bundle.keySet().stream()
                .map(k -> new AbstractMap.SimpleImmutableEntry<>(k, bundle.getString(k)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static final Messages FR = new Messages(FRENCH);
    private static final Messages EN = new Messages(ENGLISH);

    public static Messages of(Locale locale) {
        return "en".equals(locale.getLanguage()) ? EN : FR;
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Texts with arguments follow MessageFormat (an apostrophe is written ''); texts without are returned as written. */
    public String format(String key, Object... args) {
        if (args.length == 0) {
            return get(key);
        }
        return new MessageFormat(get(key), locale).format(args);
    }

    /** The label of a key that may be missing (a category a newer factor file introduced), else the key itself. */
    public String labelOr(String prefix, String key) {
        return has(prefix + key) ? get(prefix + key) : key;
    }

    public Set<String> keys() {
        return bundle.keySet();
    }

    /** All texts as a map, for templates: {@code {{t.home_title}}}. */
    public Map<String, String> asMap() {
        return texts;
    }
}
