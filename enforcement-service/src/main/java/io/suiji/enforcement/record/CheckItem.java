package io.suiji.enforcement.record;

import java.util.ArrayList;
import java.util.List;

/** 检查内容: one check item of the matter version, by the number findings are keyed with. */
public record CheckItem(String number, String text) {

    /** The items of {@code numbers} with their texts (1-based, catalogue order); a text unknown here is null. */
    public static List<CheckItem> of(List<String> numbers, List<String> texts) {
        List<CheckItem> items = new ArrayList<>();
        if (numbers == null) {
            return items;
        }
        for (String number : numbers) {
            int index = number.matches("\\d{1,6}") ? Integer.parseInt(number) - 1 : -1;
            items.add(new CheckItem(number, index >= 0 && index < texts.size() ? texts.get(index) : null));
        }
        return items;
    }
}
