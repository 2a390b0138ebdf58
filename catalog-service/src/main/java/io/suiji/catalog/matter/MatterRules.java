package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue's rules (source document 二(一) and its 附件). Each check returns every broken rule,
 * keyed by the JSON field, so that the API answers 422 naming the fields and an import names the
 * cells ({@link MatterColumn#ofField}).
 *
 * <ul>
 *   <li>a general matter samples at least 5 %; a key matter has no floor; no ratio exceeds 100 %;</li>
 *   <li>a ratio may instead or also be an absolute minimum count ("至少200人"), at least 1;</li>
 *   <li>a draft needs a name, a category and a ratio; a published matter fills every column of the
 *       attachment: at least one legal basis, target type, check item, method and unit, a
 *       frequency and an implementing level;</li>
 *   <li>no entry of a list holds that list's separator, so that the spreadsheet form of a matter
 *       reads back as the same matter.</li>
 * </ul>
 */
public final class MatterRules {

    static final BigDecimal GENERAL_FLOOR = BigDecimal.valueOf(5);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    /** Codes that would shadow the collection's own sub-resources. */
    private static final Set<String> RESERVED_CODES = Set.of("import", "export");
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 1000;
    static final int MAX_TIMES_PER_YEAR = 366;

    /** Separators of each list column, as the spreadsheet form writes and reads them. */
    public static final String LEGAL_BASIS_SEPARATORS = "；;\n";
    public static final String CHECK_ITEM_SEPARATORS = "；;\n";
    public static final String TARGET_TYPE_SEPARATORS = "、，,；;\n";
    public static final String UNIT_SEPARATORS = "、，,；;\n";

    private MatterRules() {
    }

    /** A broken rule: the JSON field and a message a bureau user understands. */
    public record Violation(String field, String message) {
    }

    /** 事项编码: 1–40 letters, digits, '-' or '_', starting with a letter or digit. */
    public static List<Violation> checkCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return List.of(new Violation("code", "事项编码 must be 1–40 letters, digits, '-' or '_'"));
        }
        if (RESERVED_CODES.contains(code.toLowerCase())) {
            return List.of(new Violation("code", "事项编码 " + code + " is reserved"));
        }
        return List.of();
    }

    /** What even a draft must satisfy: a name, a category, a valid ratio, well-formed optional parts. */
    public static List<Violation> checkDraft(MatterContent content) {
        List<Violation> violations = new ArrayList<>();
        if (content.displayOrder() != null && content.displayOrder() < 1) {
            violations.add(new Violation("displayOrder", "序号 must be at least 1, got " + content.displayOrder()));
        }
        if (content.name() == null || content.name().isEmpty()) {
            violations.add(new Violation("name", "抽查事项 must not be blank"));
        } else if (content.name().length() > MAX_NAME) {
            violations.add(new Violation("name", "抽查事项 must be at most " + MAX_NAME + " characters"));
        }
        if (content.category() == null) {
            violations.add(new Violation("category", "事项类别 must be KEY (重点检查事项) or GENERAL (一般检查事项)"));
        } else {
            violations.addAll(checkRatio(content.category(), content.ratio()));
        }
        checkItems(violations, "legalBases", "检查依据", content.legalBases(), LEGAL_BASIS_SEPARATORS);
        checkItems(violations, "targetTypes", "检查对象", content.targetTypes(), TARGET_TYPE_SEPARATORS);
        checkItems(violations, "checkItems", "检查内容", content.checkItems(), CHECK_ITEM_SEPARATORS);
        checkItems(violations, "responsibleUnits", "责任科室、单位", content.responsibleUnits(), UNIT_SEPARATORS);
        violations.addAll(checkFrequency(content.frequency()));
        if (content.implementingBody() != null && !content.implementingBody().isEmpty()) {
            var named = ImplementingLevels.of(content.implementingBody());
            if (named.isEmpty()) {
                violations.add(new Violation("implementingBody", "实施层级 " + content.implementingBody()
                        + " must start with 市 and/or 县, e.g. 市、县人力资源社会保障部门"));
            } else if (!named.equals(content.levels())) {
                violations.add(new Violation("levels", "实施层级 " + content.implementingBody() + " names "
                        + named + ", not " + content.levels()));
            }
        }
        return violations;
    }

    /** What a matter must satisfy to be published: the draft rules and every column filled. */
    public static List<Violation> checkPublishable(MatterContent content) {
        List<Violation> violations = new ArrayList<>(checkDraft(content));
        requireSome(violations, content.legalBases(), "legalBases", "检查依据 needs at least one legal basis");
        requireSome(violations, content.targetTypes(), "targetTypes", "检查对象 needs at least one target type");
        requireSome(violations, content.checkItems(), "checkItems", "检查内容 needs at least one check item");
        requireSome(violations, content.methods(), "methods",
                "检查方式 needs at least one of 现场检查, 书面检查, 网上信息技术比对");
        if (content.frequency() == null) {
            violations.add(new Violation("frequency", "抽查频次 is required, e.g. 1次/年 or 根据工作需要或1次/年"));
        }
        requireSome(violations, content.levels(), "levels", "实施层级 needs 市 and/or 县");
        if (content.implementingBody() == null || content.implementingBody().isEmpty()) {
            violations.add(new Violation("implementingBody",
                    "实施层级 is required, e.g. 市、县人力资源社会保障部门"));
        }
        requireSome(violations, content.responsibleUnits(), "responsibleUnits",
                "责任科室、单位 needs at least one unit");
        return violations;
    }

    public static List<Violation> checkRatio(MatterCategory category, SamplingRatio ratio) {
        List<Violation> violations = new ArrayList<>();
        if (ratio == null || ratio.percent() == null && ratio.minimumCount() == null) {
            violations.add(new Violation("ratio", "抽查比例 needs a percentage, a minimum count, or both"));
            return violations;
        }
        BigDecimal percent = ratio.percent();
        if (percent != null) {
            String shown = percent.stripTrailingZeros().toPlainString();
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                violations.add(new Violation("ratio.percent", "抽查比例 " + shown
                        + "% must be above 0% and at most 100%"));
            } else if (category == MatterCategory.GENERAL && percent.compareTo(GENERAL_FLOOR) < 0) {
                violations.add(new Violation("ratio.percent", "抽查比例 " + shown
                        + "% is below the 5% floor for 一般检查事项"));
            } else if (percent.stripTrailingZeros().scale() > 2) {
                violations.add(new Violation("ratio.percent", "抽查比例 " + shown
                        + "% has more than two decimal places"));
            }
        }
        if (ratio.minimumCount() != null && ratio.minimumCount() < 1) {
            violations.add(new Violation("ratio.minimumCount", "a minimum count must be at least 1, got "
                    + ratio.minimumCount()));
        }
        return violations;
    }

    public static List<Violation> checkFrequency(Frequency frequency) {
        if (frequency == null) {
            return List.of();
        }
        int times = frequency.timesPerYear();
        if (times < 0 || times > MAX_TIMES_PER_YEAR) {
            return List.of(new Violation("frequency.timesPerYear", "抽查频次 " + times + "次/年 is out of range"));
        }
        if (times == 0 && !frequency.asNeeded()) {
            return List.of(new Violation("frequency.timesPerYear",
                    "抽查频次 needs at least 1次/年 unless it is 根据工作需要"));
        }
        return List.of();
    }

    private static void checkItems(List<Violation> violations, String field, String column, List<String> items,
            String separators) {
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            String path = field + "[" + i + "]";
            if (item.isEmpty()) {
                violations.add(new Violation(path, column + " entry " + (i + 1) + " is blank"));
            } else if (item.length() > MAX_TEXT) {
                violations.add(new Violation(path, column + " entry " + (i + 1) + " is longer than " + MAX_TEXT
                        + " characters"));
            } else if (ListText.containsSeparator(item, separators)) {
                violations.add(new Violation(path, column + " entry " + (i + 1) + " 「" + item
                        + "」 holds a list separator (" + visible(separators) + "); give each entry on its own"));
            }
        }
    }

    private static void requireSome(List<Violation> violations, List<?> list, String field, String message) {
        if (list.isEmpty()) {
            violations.add(new Violation(field, message));
        }
    }

    private static String visible(String separators) {
        return String.join(" ", separators.replace("\n", "").split(""));
    }
}
