package io.suiji.contracts.catalog;

import io.suiji.contracts.Copies;
import java.time.LocalDate;
import java.util.List;

/**
 * 抽查事项 — the full state of one version of a matter of the catalogue (抽查事项清单). Catalog
 * events carry it whole because {@code catalog.matters} is compacted.
 *
 * <p>Only {@code code}, {@code version}, {@code name}, {@code category} and {@code status} are
 * always present; lists are empty rather than absent.
 *
 * @param displayOrder      序号 in the published catalogue
 * @param legalBases        检查依据
 * @param targetTypes       检查对象
 * @param checkItems        检查内容
 * @param implementingBody  实施主体, e.g. "市、县人力资源社会保障部门"
 * @param responsibleUnits  责任科室、单位
 * @param sourceDocument    the document the matter was taken from
 */
public record MatterState(
        String code,
        int version,
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
        List<String> responsibleUnits,
        LocalDate effectiveFrom,
        MatterStatus status,
        String sourceDocument) {

    public MatterState {
        legalBases = Copies.list(legalBases);
        targetTypes = Copies.list(targetTypes);
        checkItems = Copies.list(checkItems);
        methods = Copies.list(methods);
        levels = Copies.list(levels);
        responsibleUnits = Copies.list(responsibleUnits);
    }
}
