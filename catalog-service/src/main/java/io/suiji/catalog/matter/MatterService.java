package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Creates and reads matters; every change leaves through the outbox in the same transaction. */
@ApplicationScoped
public class MatterService {

    private final Outbox outbox;

    @Inject
    public MatterService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public MatterState publish(NewMatter request, String caller) {
        var violations = MatterRules.checkRatio(request.category(), request.ratio());
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        if (Matter.findById(request.code()) != null) {
            throw ProblemException.conflict("duplicate-matter", "matter " + request.code() + " already exists");
        }
        Matter matter = new Matter();
        matter.code = request.code();
        matter.version = 1;
        matter.status = MatterStatus.PUBLISHED;
        matter.name = request.name().strip();
        matter.category = request.category();
        matter.ratioPercent = request.ratio().percent();
        matter.ratioMinimumCount = request.ratio().minimumCount();
        matter.createdBy = caller;
        matter.createdAt = OffsetDateTime.now();
        matter.persist();
        MatterState state = toState(matter);
        outbox.publish(new MatterPublished(state));
        return state;
    }

    public Optional<MatterState> find(String code) {
        return Matter.<Matter>findByIdOptional(code).map(MatterService::toState);
    }

    public List<MatterState> list() {
        return Matter.<Matter>listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(MatterService::toState).toList();
    }

    static MatterState toState(Matter m) {
        return new MatterState(m.code, m.version, null, m.name, List.of(), List.of(), List.of(), m.category, List.of(),
                new SamplingRatio(m.ratioPercent, m.ratioMinimumCount), null, List.of(), null, List.of(),
                m.createdAt.toLocalDate(), m.status, null);
    }
}
