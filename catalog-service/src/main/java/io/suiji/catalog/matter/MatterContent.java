package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * 抽查事项的内容 — what one version of a matter says, column by column of the attachment. Text is
 * kept exactly as given (only surrounding white space is dropped); lists are never null.
 *
 * @param displayOrder     序号
 * @param name             抽查事项
 * @param legalBases       检查依据, one citation per entry
 * @param targetTypes      检查对象, the registry's vocabulary (e.g. 人力资源服务机构)
 * @param checkItems       检查内容, in order, without their numbers
 * @param category         事项类别
 * @param methods          检查方式, in the order given, each once
 * @param ratio            抽查比例
 * @param frequency        抽查频次
 * @param levels           实施层级, city before county
 * @param implementingBody 实施层级 as written, e.g. 市、县人力资源社会保障部门
 * @param responsibleUnits 责任科室、单位
 */
public record MatterContent(
        Integer displayOrder,
        String name,
        List<String> legalBases,
        List<String> targetTypes,
        List<String> checkItems,
        MatterCategory category,
        List<InspectionMethod> methods,
        SamplingRatio ratio,
        Frequency frequency,
        List<ImplementingLevel> levels,
        String implementingBody,
        List<String> responsibleUnits) {

    public MatterContent {
        name = strip(name);
        legalBases = texts(legalBases);
        targetTypes = texts(targetTypes);
        checkItems = texts(checkItems);
        methods = methods == null ? List.of() : List.copyOf(new LinkedHashSet<>(methods.stream().filter(Objects::nonNull).toList()));
        ratio = normalise(ratio);
        levels = levels == null ? List.of()
                : levels.stream().filter(Objects::nonNull).distinct().sorted(Comparator.naturalOrder()).toList();
        implementingBody = strip(implementingBody);
        responsibleUnits = texts(responsibleUnits);
    }

    /** The minimal content of a new draft. */
    public static MatterContent of(String name, MatterCategory category, SamplingRatio ratio) {
        return new MatterContent(null, name, null, null, null, category, null, ratio, null, null, null, null);
    }

    /** The columns in which {@code other} says something else, in column order. */
    public List<MatterColumn> differencesFrom(MatterContent other) {
        List<MatterColumn> changed = new ArrayList<>();
        for (MatterColumn column : MatterColumn.values()) {
            if (!Objects.equals(valueOf(column), other.valueOf(column))) {
                changed.add(column);
            }
        }
        return changed;
    }

    private Object valueOf(MatterColumn column) {
        return switch (column) {
            case DISPLAY_ORDER -> displayOrder;
            case NAME -> name;
            case LEGAL_BASES -> legalBases;
            case TARGET_TYPES -> targetTypes;
            case CHECK_ITEMS -> checkItems;
            case CATEGORY -> category;
            case METHODS -> methods;
            case RATIO -> ratio;
            case FREQUENCY -> frequency;
            case IMPLEMENTING_LEVEL -> List.of(levels, Objects.toString(implementingBody, ""));
            case RESPONSIBLE_UNITS -> responsibleUnits;
        };
    }

    public MatterContent withLevels(List<ImplementingLevel> newLevels) {
        return new MatterContent(displayOrder, name, legalBases, targetTypes, checkItems, category, methods, ratio,
                frequency, newLevels, implementingBody, responsibleUnits);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static List<String> texts(List<String> list) {
        return list == null ? List.of() : list.stream().map(s -> s == null ? "" : s.strip()).toList();
    }

    // 5, 5.0 and 5.00 are one ratio: equal values compare equal and print as 5 (never 5E+0).
    private static SamplingRatio normalise(SamplingRatio ratio) {
        if (ratio == null || ratio.percent() == null) {
            return ratio;
        }
        BigDecimal percent = ratio.percent().stripTrailingZeros();
        if (percent.scale() < 0) {
            percent = percent.setScale(0);
        }
        return new SamplingRatio(percent, ratio.minimumCount());
    }
}
