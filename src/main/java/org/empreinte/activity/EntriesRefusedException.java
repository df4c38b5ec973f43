package org.empreinte.activity;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.empreinte.web.ValidationException;

/**
 * 422: some of the activities logged together were refused, so none was stored. Each refusal is kept under the
 * index of its request, so that a page can show it beside the entry it belongs to; the message and field are the
 * first refusal's, for a client that reads only those.
 */
public class EntriesRefusedException extends ValidationException {

    private final Map<Integer, ValidationException> byIndex;

    public EntriesRefusedException(Map<Integer, ValidationException> byIndex) {
        super(first(byIndex).getValue().field(), "entry " + (first(byIndex).getKey() + 1) + ": "
                + first(byIndex).getValue().getMessage(), first(byIndex).getValue().messageKey(),
                first(byIndex).getValue().messageArgs());
        this.byIndex = Collections.unmodifiableMap(new TreeMap<>(byIndex));
    }

    private static Map.Entry<Integer, ValidationException> first(Map<Integer, ValidationException> byIndex) {
        if (byIndex.isEmpty()) {
            throw new IllegalArgumentException("no refusal");
        }
        return new TreeMap<>(byIndex).firstEntry();
    }

    /** The refusals by the index (from 0) of the request refused. */
    public Map<Integer, ValidationException> byIndex() {
        return byIndex;
    }
}
