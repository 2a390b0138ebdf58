package io.suiji.sampling.draw;

import io.suiji.contracts.sampling.DrawCommitted;
import io.suiji.draw.Rfc3797;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import io.suiji.sampling.plan.PlanContent.Task;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The choice of draw algorithm (docs/draw-algorithm.md §16.1): SUIJI-SHA256-1 by default, or RFC 3797
 * for uniform draws from populations of at most 65,535. An RFC3797 draw announces its sources at
 * commit and takes their published values, instead of a witness string, at execution.
 */
final class DrawAlgorithms {

    private DrawAlgorithms() {
    }

    /** The requested algorithm, checked against what the task asks for. */
    static String algorithm(DrawRequests.Commit request, Task task) {
        String algorithm = request.algorithm() == null || request.algorithm().isBlank() ? DrawCommitted.SUIJI_SHA256_1
                : request.algorithm().strip();
        if (DrawCommitted.SUIJI_SHA256_1.equals(algorithm)) {
            if (request.sources() != null && !request.sources().isEmpty()) {
                throw ProblemException.invalid("sources", "only an RFC3797 draw announces sources; a "
                        + DrawCommitted.SUIJI_SHA256_1 + " draw takes the witness's entropy at execution");
            }
            return algorithm;
        }
        if (!DrawCommitted.RFC3797.equals(algorithm)) {
            throw ProblemException.invalid("algorithm", "must be " + DrawCommitted.SUIJI_SHA256_1 + " or "
                    + DrawCommitted.RFC3797 + ", got " + algorithm);
        }
        if (task.priorityWeighting()) {
            throw ProblemException.invalid("algorithm", "RFC 3797 draws are uniform; task " + task.taskId()
                    + " asks for priority weighting");
        }
        if (task.control() != null && task.control().count() > 0) {
            throw ProblemException.invalid("algorithm", "RFC 3797 draws have no control sample; task " + task.taskId()
                    + " asks for one");
        }
        return algorithm;
    }

    /** The sources an RFC3797 draw announces: each described, read on a date not before the commit. */
    static List<DrawSpec.Source> announcedSources(DrawRequests.Commit request, LocalDate today) {
        List<DrawSpec.Source> sources = request.sources();
        if (sources == null || sources.isEmpty()) {
            throw ProblemException.invalid("sources", "an RFC3797 draw announces at least one source of randomness, "
                    + "e.g. {\"description\": \"中国福利彩票双色球开奖号码\", \"date\": \"" + today.plusDays(1) + "\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            DrawSpec.Source source = sources.get(i);
            if (source == null || source.description() == null || source.description().isBlank()) {
                errors.add(new FieldError("sources[" + i + "].description", "must name the published value"));
            }
            if (source == null || source.date() == null) {
                errors.add(new FieldError("sources[" + i + "].date", "must be the date the value is published"));
            } else if (source.date().isBefore(today)) {
                errors.add(new FieldError("sources[" + i + "].date", "must not be before the commit date " + today
                        + ": a source must be unknown when the draw is committed"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return sources.stream().map(s -> new DrawSpec.Source(s.description().strip(), s.date())).toList();
    }

    /** The frozen population must fit one RFC 3797 pool. */
    static void checkPoolSize(long populationSize, Task task) {
        if (populationSize > Rfc3797.MAX_POOL) {
            throw ProblemException.invalid("algorithm", "RFC 3797 draws from populations of at most "
                    + Rfc3797.MAX_POOL + "; the population of task " + task.taskId() + " has " + populationSize
                    + " entities — use " + DrawCommitted.SUIJI_SHA256_1);
        }
    }

    /** The published values of the announced sources, one non-empty list of non-negative integers each. */
    static List<List<Long>> publishedSources(DrawRequests.Execute request, DrawSpec spec) {
        if (request.witnessEntropy() != null && !request.witnessEntropy().isEmpty()) {
            throw ProblemException.invalid("witnessEntropy", "an RFC3797 draw takes its entropy from the values of "
                    + "its announced sources; give them as sources");
        }
        List<List<Long>> values = request.sources();
        if (values == null || values.size() != spec.sources().size()) {
            throw ProblemException.invalid("sources", "the draw announced " + spec.sources().size()
                    + " source(s): give one list of published integers for each, in order");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            List<Long> source = values.get(i);
            if (source == null || source.isEmpty() || source.stream().anyMatch(v -> v == null || v < 0)) {
                errors.add(new FieldError("sources[" + i + "]", "the published value of \""
                        + spec.sources().get(i).description() + "\" as non-negative integers"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return values;
    }

    /** A SUIJI-SHA256-1 draw takes the witness string only. */
    static void checkNoSources(DrawRequests.Execute request) {
        if (request != null && request.sources() != null && !request.sources().isEmpty()) {
            throw ProblemException.invalid("sources", "only an RFC3797 draw takes source values; this draw takes "
                    + "the witness's entropy string");
        }
    }
}
