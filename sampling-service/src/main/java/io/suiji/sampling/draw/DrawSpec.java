package io.suiji.sampling.draw;

import io.suiji.contracts.sampling.DrawCommitted;
import io.suiji.draw.ControlSample;
import io.suiji.draw.DrawParameters;
import io.suiji.draw.GroupRules;
import io.suiji.draw.SamplingMode;
import io.suiji.draw.StratumPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything a draw fixed at commit besides the population and the secret: the algorithm's
 * parameters (SUIJI-SHA256-1 §4) and the rules that shaped the population and the inspector pool.
 * Stored with the draw and published in {@code DrawCommitted}.
 *
 * @param mode          {@code uniform} or {@code weighted}
 * @param controlStrata the strata the control sample comes from (empty: no control sample)
 * @param batches       batch labels whose order is drawn (KEY matters at a high ratio), else empty
 * @param algorithm     {@code SUIJI-SHA256-1}, or {@code RFC3797}; null in draws committed before the
 *                      choice existed (SUIJI-SHA256-1)
 * @param sources       the RFC 3797 sources announced at commit; empty for SUIJI-SHA256-1
 * @param annualCapWithoutViolation the annual cap for targets without a violation last year; null in
 *                      draws committed before that rule
 */
public record DrawSpec(String mode, long minimumCount, List<Stratum> strata, List<String> controlStrata,
                       int controlCount, int groupSize, int workloadCap, Map<String, Integer> priorWorkload,
                       List<String> batches, List<String> matterCodes, LocalDate today, int windowDays, int annualCap,
                       LocalDate batchStart, LocalDate batchEnd, boolean sameDepartment, boolean sameLevel,
                       Map<String, Long> poolLeftOut, String algorithm, List<Source> sources,
                       Integer annualCapWithoutViolation) {

    public DrawSpec {
        algorithm = algorithm == null ? DrawCommitted.SUIJI_SHA256_1 : algorithm;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * 随机源: a public value announced at commit and read later, e.g. "中国福利彩票双色球开奖号码"
     * of a named future date. Its published integers become one RFC 3797 source.
     */
    public record Source(String description, LocalDate date) {
    }

    public boolean rfc3797() {
        return DrawCommitted.RFC3797.equals(algorithm);
    }

    /** One stratum: N_h, the ratio as a fraction (exact decimal) and the allocated k_h. */
    public record Stratum(String name, long population, BigDecimal ratio, int sample) {
    }

    public DrawParameters parameters() {
        ControlSample control = controlStrata.isEmpty() || controlCount == 0 ? null
                : new ControlSample(new TreeSet<>(controlStrata), controlCount);
        return new DrawParameters(SamplingMode.fromLabel(mode), minimumCount, control,
                new GroupRules(groupSize, workloadCap, priorWorkload), batches);
    }

    public List<StratumPlan> plans() {
        return strata.stream().map(s -> new StratumPlan(s.name(), s.population(), s.ratio(), s.sample())).toList();
    }

    public long sampleSize() {
        return strata.stream().mapToLong(Stratum::sample).sum();
    }
}
