package io.suiji.catalog.importing;

import io.suiji.catalog.matter.ImplementingLevels;
import io.suiji.catalog.matter.ListText;
import io.suiji.catalog.matter.MatterRules;
import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How each column of the attachment is written, both ways: {@code parse…} reads every form the
 * source document uses (and a few close variants bureaus type), {@code format…} writes the form
 * the document uses, so that {@code parse(format(x))} is {@code x}.
 *
 * <table>
 *   <caption>Cell forms</caption>
 *   <tr><th>column</th><th>forms read</th><th>form written</th></tr>
 *   <tr><td>检查依据</td><td>citations separated by ；or ; (or line breaks)</td><td>a；b</td></tr>
 *   <tr><td>检查对象</td><td>one, or several separated by 、</td><td>a、b</td></tr>
 *   <tr><td>检查内容</td><td>{@code 1. a；2. b}, {@code 1. a; 2. b}, {@code 1、a 2、b}, one unnumbered item</td>
 *       <td>1. a；2. b (one item: unnumbered)</td></tr>
 *   <tr><td>事项类别</td><td>一般检查事项, 重点检查事项 (一般, 重点)</td><td>the full label</td></tr>
 *   <tr><td>检查方式</td><td>现场检查、书面检查, 网上信息技术比对</td><td>labels joined by 、</td></tr>
 *   <tr><td>抽查比例</td><td>5%, 2.5%, 至少200人, 不少于200人, 5%且至少200人</td><td>5%, 至少200人, 5%且至少200人</td></tr>
 *   <tr><td>抽查频次</td><td>1次/年, 每年2次, 根据工作需要或1次/年, 根据工作需要</td><td>n次/年, 根据工作需要或n次/年</td></tr>
 *   <tr><td>实施层级</td><td>市、县人力资源社会保障部门, 市、县社保经办机构, 市、县失业保险经办机构 …</td><td>as written</td></tr>
 *   <tr><td>责任科室、单位</td><td>units separated by 、 (brackets kept whole)</td><td>a、b</td></tr>
 * </table>
 *
 * <p>A blank cell parses to null or an empty list: whether the column may be empty is for
 * {@link MatterRules} to say, in one place.
 */
public final class CellFormat {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,6}");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");
    private static final Pattern MINIMUM = Pattern.compile("(?:至少|不少于|不低于|最少)\\s*(\\d{1,9})\\s*(?:人|户|家|个|名|所|条)?");
    private static final String RATIO_CONNECTORS = "且并及和,，、;；()（）+ ";
    private static final Pattern TIMES_PER_YEAR = Pattern.compile("(?:(\\d{1,3})次/年|每年(\\d{1,3})次|(\\d{1,3})次每年|一年(\\d{1,3})次)");
    private static final Pattern AS_NEEDED = Pattern.compile("根据(?:工作)?需要");
    private static final Pattern ITEM_NUMBER = Pattern.compile("^(\\d{1,3})\\s*[.．、)）](?!\\d)\\s*");
    private static final String METHOD_SEPARATORS = "、，,；;/ 和及\n";

    private CellFormat() {
    }

    // ---- 序号

    public static Integer parseDisplayOrder(String cell) {
        String s = compatible(cell);
        if (s.isEmpty()) {
            return null;
        }
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2); // a number cell typed into Excel reads back as 1.0 elsewhere
        }
        if (!WHOLE_NUMBER.matcher(s).matches()) {
            throw new CellFormatException("序号 「" + cell.strip() + "」 must be a whole number such as 1");
        }
        return Integer.valueOf(s);
    }

    public static String formatDisplayOrder(Integer order) {
        return order == null ? "" : order.toString();
    }

    // ---- 抽查事项

    public static String parseName(String cell) {
        return cell == null ? null : cell.strip();
    }

    // ---- 检查依据, 检查对象, 责任科室、单位

    public static List<String> parseLegalBases(String cell) {
        return ListText.split(cell, MatterRules.LEGAL_BASIS_SEPARATORS);
    }

    public static String formatLegalBases(List<String> legalBases) {
        return String.join("；", legalBases);
    }

    public static List<String> parseTargetTypes(String cell) {
        return ListText.split(cell, MatterRules.TARGET_TYPE_SEPARATORS);
    }

    public static String formatTargetTypes(List<String> targetTypes) {
        return String.join("、", targetTypes);
    }

    public static List<String> parseUnits(String cell) {
        return ListText.split(cell, MatterRules.UNIT_SEPARATORS);
    }

    public static String formatUnits(List<String> units) {
        return String.join("、", units);
    }

    // ---- 检查内容

    /**
     * Numbered items ({@code 1. a；2. b}, {@code 1. a; 2. b}, {@code 1、a\n2、b}) are cut where the next
     * number in sequence follows a separator or a space, so a number inside an item's text stays put;
     * unnumbered text is split at ；/; or line breaks.
     */
    public static List<String> parseCheckItems(String cell) {
        String text = cell == null ? "" : cell.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        Matcher first = ITEM_NUMBER.matcher(text);
        if (!first.find() || !first.group(1).equals("1")) {
            return ListText.split(text, MatterRules.CHECK_ITEM_SEPARATORS);
        }
        List<String> items = new ArrayList<>();
        int start = first.end();
        for (int next = 2; ; next++) {
            Matcher marker = Pattern.compile("(?:[；;]\\s*|\\s+)" + next + "\\s*[.．、)）](?!\\d)\\s*").matcher(text);
            if (!marker.find(start)) {
                items.add(trimItem(text.substring(start)));
                return items;
            }
            items.add(trimItem(text.substring(start, marker.start())));
            start = marker.end();
        }
    }

    public static String formatCheckItems(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            numbered.add((i + 1) + ". " + items.get(i));
        }
        return String.join("；", numbered);
    }

    private static String trimItem(String item) {
        String s = item.strip();
        while (s.endsWith("；") || s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    // ---- 事项类别

    public static MatterCategory parseCategory(String cell) {
        String s = cell == null ? "" : cell.strip();
        if (s.isEmpty()) {
            return null;
        }
        for (MatterCategory category : MatterCategory.values()) {
            if (s.equals(category.label()) || s.equals(category.label().substring(0, 2)) || s.equals(category.name())) {
                return category;
            }
        }
        throw new CellFormatException("事项类别 「" + s + "」 must be 重点检查事项 or 一般检查事项");
    }

    public static String formatCategory(MatterCategory category) {
        return category == null ? "" : category.label();
    }

    // ---- 检查方式

    public static List<InspectionMethod> parseMethods(String cell) {
        List<InspectionMethod> methods = new ArrayList<>();
        for (String part : ListText.split(cell, METHOD_SEPARATORS)) {
            InspectionMethod method = null;
            for (InspectionMethod m : InspectionMethod.values()) {
                if (m.label().equals(part)) {
                    method = m;
                }
            }
            if (method == null) {
                throw new CellFormatException("检查方式 「" + part + "」 is not one of "
                        + java.util.Arrays.stream(InspectionMethod.values()).map(InspectionMethod::label)
                                .collect(Collectors.joining("、")));
            }
            if (!methods.contains(method)) {
                methods.add(method);
            }
        }
        return methods;
    }

    public static String formatMethods(List<InspectionMethod> methods) {
        return methods.stream().map(InspectionMethod::label).collect(Collectors.joining("、"));
    }

    // ---- 抽查比例

    public static SamplingRatio parseRatio(String cell) {
        String s = compatible(cell);
        if (s.isEmpty()) {
            return null;
        }
        BigDecimal percent = null;
        Integer minimum = null;
        String rest = s;
        Matcher p = PERCENT.matcher(rest);
        if (p.find()) {
            percent = new BigDecimal(p.group(1));
            rest = rest.substring(0, p.start()) + " " + rest.substring(p.end());
        }
        Matcher m = MINIMUM.matcher(rest);
        if (m.find()) {
            minimum = Integer.valueOf(m.group(1));
            rest = rest.substring(0, m.start()) + " " + rest.substring(m.end());
        }
        if ((percent == null && minimum == null) || !onlyConnectors(rest)) {
            throw new CellFormatException("抽查比例 「" + cell.strip()
                    + "」 is not understood; write a percentage (5%), a minimum (至少200人) or both (5%且至少200人)");
        }
        return new SamplingRatio(percent, minimum);
    }

    public static String formatRatio(SamplingRatio ratio) {
        if (ratio == null) {
            return "";
        }
        String percent = ratio.percent() == null ? null : ratio.percent().stripTrailingZeros().toPlainString() + "%";
        String minimum = ratio.minimumCount() == null ? null : "至少" + ratio.minimumCount() + "人";
        if (percent != null && minimum != null) {
            return percent + "且" + minimum;
        }
        return percent != null ? percent : minimum == null ? "" : minimum;
    }

    private static boolean onlyConnectors(String rest) {
        return rest.chars().allMatch(c -> RATIO_CONNECTORS.indexOf(c) >= 0);
    }

    // ---- 抽查频次

    public static Frequency parseFrequency(String cell) {
        String s = compatible(cell).replace(" ", "");
        if (s.isEmpty()) {
            return null;
        }
        boolean asNeeded = false;
        Matcher needed = AS_NEEDED.matcher(s);
        if (needed.find()) {
            asNeeded = true;
            s = (s.substring(0, needed.start()) + s.substring(needed.end())).replaceAll("^(?:或|,|，|、|;|；)|(?:或|,|，|、|;|；)$", "");
        }
        if (s.isEmpty() && asNeeded) {
            return new Frequency(0, true);
        }
        Matcher times = TIMES_PER_YEAR.matcher(s);
        if (!times.matches()) {
            throw new CellFormatException("抽查频次 「" + cell.strip()
                    + "」 is not understood; write e.g. 1次/年, 2次/年 or 根据工作需要或1次/年");
        }
        String n = times.group(1) != null ? times.group(1) : times.group(2) != null ? times.group(2)
                : times.group(3) != null ? times.group(3) : times.group(4);
        return new Frequency(Integer.parseInt(n), asNeeded);
    }

    public static String formatFrequency(Frequency frequency) {
        if (frequency == null) {
            return "";
        }
        if (!frequency.asNeeded()) {
            return frequency.timesPerYear() + "次/年";
        }
        return frequency.timesPerYear() == 0 ? "根据工作需要" : "根据工作需要或" + frequency.timesPerYear() + "次/年";
    }

    // ---- 实施层级

    /** 实施层级: the levels it starts with, and the words as written. */
    public record Level(List<ImplementingLevel> levels, String body) {
    }

    public static Level parseLevel(String cell) {
        String s = cell == null ? "" : cell.strip();
        if (s.isEmpty()) {
            return new Level(List.of(), null);
        }
        List<ImplementingLevel> levels = ImplementingLevels.of(s);
        if (levels.isEmpty()) {
            throw new CellFormatException("实施层级 「" + s
                    + "」 must start with 市 and/or 县, e.g. 市、县人力资源社会保障部门");
        }
        return new Level(levels, s);
    }

    public static String formatLevel(List<ImplementingLevel> levels, String body) {
        if (body != null && !body.isBlank()) {
            return body;
        }
        return levels.stream().map(l -> l == ImplementingLevel.CITY ? "市" : "县").collect(Collectors.joining("、"));
    }

    // Full-width digits and signs (５％, ２次／年) read as their ASCII forms; only for numbers, never for stored text.
    private static String compatible(String cell) {
        return cell == null ? "" : Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
    }
}
