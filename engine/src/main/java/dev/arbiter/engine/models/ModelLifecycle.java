package dev.arbiter.engine.models;

import static dev.arbiter.kb.Require.identifier;

import dev.arbiter.engine.decision.ActiveModels;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.decision.ModelChoice;
import dev.arbiter.engine.decision.RequestedModel;
import dev.arbiter.engine.lifecycle.LifecycleException;
import dev.arbiter.engine.lifecycle.LifecycleException.Code;
import dev.arbiter.engine.models.ModelCandidateStore.Step;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.predict.ModelId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * The lifecycle of models in decisions: propose a registered model for a symbol and a purpose (its validation report
 * held to the quality bar), approve it by a second risk officer, activate it (alone, beside the slot's other primaries
 * as an ensemble, or as its fallback), retire it, roll back to one that was active before. Steps run one at a time and
 * are recorded before they take effect; decisions read the active models from a snapshot replaced by each step, so
 * they never wait for one.
 */
public final class ModelLifecycle implements ActiveModels {

    /** The lowest weight an ensemble member gets, so that a model at the AUC of a coin still counts for something. */
    static final double MIN_WEIGHT = 1e-4;

    private final ModelRegistry registry;
    private final ModelCandidateStore store;
    private final QualityBar bar;
    private final InstantSource clock;
    private volatile List<ModelCandidate> active;
    private volatile List<ModelCandidate> shadowed;

    public ModelLifecycle(ModelRegistry registry, ModelCandidateStore store, QualityBar bar, InstantSource clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.store = Objects.requireNonNull(store, "store");
        this.bar = Objects.requireNonNull(bar, "bar");
        this.clock = Objects.requireNonNull(clock, "clock");
        refresh();
    }

    public QualityBar qualityBar() {
        return bar;
    }

    /**
     * Proposes a registered model: reads its metadata (the registry checks the artifact's hash), holds its validation
     * report to the quality bar and stores the candidate, awaiting approval or, when it falls short, refused with the
     * numbers (stored too, so that the refusal can be read and is on the audit chain).
     */
    public synchronized ModelCandidate propose(ModelProposal proposal) {
        if (proposal.model() == null || proposal.version() == null) {
            throw new LifecycleException(Code.INVALID_UPLOAD, (proposal.model() == null ? "model" : "version")
                    + ": null is not accepted; expected a registered model's name and version");
        }
        ModelMetadata metadata = metadata(proposal.model(), proposal.version());
        if (metadata.validation() == null) {
            throw new LifecycleException(Code.INVALID_UPLOAD, "version: '" + proposal.version() + "' of "
                    + proposal.model() + " was registered without a validation report; expected a model trained and "
                    + "registered by `arbiter models train`, which writes one");
        }
        String symbol = proposal.symbol() == null ? metadata.symbol() : proposal.symbol();
        String purpose = proposal.purpose() == null ? ModelChoice.DEFAULT_PURPOSE : proposal.purpose();
        try {
            identifier("proposal", "symbol", symbol);
            ModelChoice.requirePurpose("purpose", purpose);
        } catch (InvalidFactException | InvalidRequestException e) {
            throw new LifecycleException(Code.INVALID_UPLOAD, e.getMessage());
        }
        RequestedModel.Role role = proposal.role() == null ? RequestedModel.Role.PRIMARY : proposal.role();
        for (ModelCandidate other : store.all()) {
            boolean same = other.model().equals(metadata.name()) && other.version().equals(metadata.version())
                    && other.symbol().equals(symbol) && other.purpose().equals(purpose) && other.role() == role;
            if (same && other.status() != ModelCandidateStatus.BELOW_QUALITY_BAR) {
                throw new LifecycleException(Code.WRONG_STATE, "model: " + metadata.name() + " " + metadata.version()
                        + " is already proposed for " + symbol + " " + purpose + " as " + other.id() + " ("
                        + other.status() + "); act on that candidate");
            }
        }
        List<String> shortfalls = bar.shortfalls(metadata.validation());
        ModelCandidate candidate = new ModelCandidate(store.nextId(), metadata.name(), metadata.version(), symbol,
                purpose, role, proposal.author(), proposal.note(), clock.instant(), metadata.algorithm(),
                metadata.period(), metadata.horizon(), metadata.trainedFrom(), metadata.trainedTo(),
                metadata.modelSha256(), metadata.dataSha256(), metadata.validation(), bar, shortfalls,
                Math.max(MIN_WEIGHT, metadata.validation().outOfSample().auc() - 0.5),
                shortfalls.isEmpty() ? ModelCandidateStatus.AWAITING_APPROVAL : ModelCandidateStatus.BELOW_QUALITY_BAR,
                null, null, null, null, false);
        store.save(candidate);
        store.record(shortfalls.isEmpty() ? Step.PROPOSED : Step.REFUSED, candidate, proposal.author(),
                candidate.proposedAt());
        return candidate;
    }

    /** A second risk officer approves a candidate that cleared the quality bar. */
    public synchronized ModelCandidate approve(String candidateId, String officer) {
        ModelCandidate candidate = find(candidateId);
        switch (candidate.status()) {
            case BELOW_QUALITY_BAR -> throw new LifecycleException(Code.CHECKS_FAILED, "candidate " + candidateId
                    + " fell short of the quality bar and cannot be approved: " + String.join("; ", candidate.shortfalls()));
            case AWAITING_APPROVAL -> { }
            default -> throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " is "
                    + candidate.status() + "; only a candidate AWAITING_APPROVAL can be approved");
        }
        if (candidate.author().equals(officer)) {
            throw new LifecycleException(Code.SELF_APPROVAL, "candidate " + candidateId + " was proposed by " + officer
                    + ", who cannot approve it; a second risk officer must");
        }
        ModelCandidate approved = candidate.approved(officer, clock.instant());
        store.save(approved);
        store.record(Step.APPROVED, approved, officer, approved.approvedAt());
        return approved;
    }

    /**
     * Activates an approved candidate for its symbol and purpose. A primary replaces the slot's primaries, or with
     * {@code alongside} joins them as an ensemble member (same bar period and horizon); a fallback replaces the slot's
     * fallback. Decisions that start from now on run it.
     */
    public synchronized ModelCandidate activate(String candidateId, String officer, boolean alongside) {
        ModelCandidate candidate = find(candidateId);
        switch (candidate.status()) {
            case APPROVED -> { }
            case AWAITING_APPROVAL, BELOW_QUALITY_BAR -> throw new LifecycleException(Code.NOT_APPROVED, "candidate "
                    + candidateId + " is " + candidate.status() + "; it must be approved by a second risk officer "
                    + "before it can be activated");
            case ACTIVE -> throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " is already active");
            case RETIRED -> throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId
                    + " was active before; restore it with a rollback");
        }
        return switchTo(candidate, officer, alongside, Step.ACTIVATED);
    }

    /** Restores a candidate that was active before, in place of the slot's current ones in its role. */
    public synchronized ModelCandidate rollback(String candidateId, String officer) {
        ModelCandidate candidate = find(candidateId);
        if (candidate.status() != ModelCandidateStatus.RETIRED) {
            throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " is " + candidate.status()
                    + "; a rollback restores a RETIRED model, one that was active before");
        }
        return switchTo(candidate, officer, false, Step.ROLLED_BACK);
    }

    /** Stops running an active model; with no primary left, requests for its slot are refused until one is activated. */
    public synchronized ModelCandidate retire(String candidateId, String officer) {
        ModelCandidate candidate = find(candidateId);
        if (candidate.status() != ModelCandidateStatus.ACTIVE) {
            throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " is " + candidate.status()
                    + "; only an ACTIVE model can be retired");
        }
        ModelCandidate retired = candidate.withStatus(ModelCandidateStatus.RETIRED);
        store.save(retired);
        store.record(Step.RETIRED, retired, officer, clock.instant());
        refresh();
        return retired;
    }

    /** Starts or stops running a candidate in shadow beside the active models of its slot. */
    public synchronized ModelCandidate shadow(String candidateId, String officer, boolean on) {
        ModelCandidate candidate = find(candidateId);
        if (on && candidate.status() != ModelCandidateStatus.AWAITING_APPROVAL
                && candidate.status() != ModelCandidateStatus.APPROVED) {
            throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " is " + candidate.status()
                    + "; a challenger in shadow is a candidate AWAITING_APPROVAL or APPROVED");
        }
        if (candidate.inShadow() == on) {
            throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " is "
                    + (on ? "already" : "not") + " in shadow");
        }
        ModelCandidate changed = candidate.shadowed(on);
        store.save(changed);
        store.record(on ? Step.SHADOW_STARTED : Step.SHADOW_STOPPED, changed, officer, clock.instant());
        refresh();
        return changed;
    }

    public ModelCandidate find(String candidateId) {
        return store.find(candidateId).orElseThrow(() -> new LifecycleException(Code.UNKNOWN_CANDIDATE,
                "candidateId: '" + candidateId + "' is unknown; expected one of the ids GET /v1/models/candidates lists"));
    }

    public List<ModelCandidate> all() {
        return store.all();
    }

    /** The active models, oldest activation first. */
    public List<ModelCandidate> active() {
        return active;
    }

    /** The candidates running in shadow. */
    public List<ModelCandidate> inShadow() {
        return shadowed;
    }

    @Override
    public List<RequestedModel> resolve(ModelChoice choice, String at) {
        List<ModelCandidate> now = active;
        List<ModelCandidate> ofSymbol = now.stream().filter(c -> c.symbol().equals(choice.symbol())).toList();
        if (choice.model() == null) {
            String purpose = choice.purposeOrDefault();
            List<ModelCandidate> slot = ofSymbol.stream().filter(c -> c.purpose().equals(purpose)).toList();
            if (slot.stream().noneMatch(c -> c.role() == RequestedModel.Role.PRIMARY)) {
                throw new InvalidRequestException(at + ".purpose", "'" + purpose + "'", "a purpose with an active model for "
                        + choice.symbol() + " (" + describe(ofSymbol) + ")");
            }
            return slot.stream().map(ModelCandidate::requested).toList();
        }
        List<ModelCandidate> named = ofSymbol.stream().filter(c -> c.model().equals(choice.model())
                && (choice.purpose() == null || c.purpose().equals(choice.purpose()))).toList();
        if (named.isEmpty()) {
            throw new InvalidRequestException(at + ".model", "'" + choice.model() + "'", "a model active for "
                    + choice.symbol() + " (" + describe(ofSymbol) + "); a registered model runs in decisions only "
                    + "once two risk officers approved and activated it");
        }
        ModelCandidate found = named.getFirst();
        if (choice.version() != null && !choice.version().equals(found.version())) {
            throw new InvalidRequestException(at + ".version", "'" + choice.version() + "'", "the active version of "
                    + found.model() + " for " + found.symbol() + ", '" + found.version() + "'");
        }
        return List.of(new RequestedModel(found.symbol(), found.model(), found.version(), found.purpose(),
                RequestedModel.Role.PRIMARY, found.weight()));
    }

    private ModelCandidate switchTo(ModelCandidate candidate, String officer, boolean alongside, Step step) {
        List<ModelCandidate> slot = store.all().stream().filter(c -> c.status() == ModelCandidateStatus.ACTIVE
                && c.sameSlot(candidate) && c.role() == candidate.role()).toList();
        if (alongside) {
            if (candidate.role() == RequestedModel.Role.FALLBACK) {
                throw new LifecycleException(Code.WRONG_STATE, "alongside: true is not accepted for a fallback; "
                        + "expected false: a symbol and purpose have one fallback");
            }
            for (ModelCandidate member : slot) {
                if (!member.period().equals(candidate.period()) || member.horizon() != candidate.horizon()) {
                    throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidate.id() + " predicts "
                            + candidate.horizon() + " bars of " + candidate.period() + " ahead; an ensemble member "
                            + "beside " + member.describe() + " must predict " + member.horizon() + " bars of "
                            + member.period() + " ahead");
                }
            }
        }
        ModelCandidate activated = candidate.activated(officer, clock.instant());
        if (!alongside) {
            slot.forEach(previous -> store.save(previous.withStatus(ModelCandidateStatus.RETIRED)));
        }
        store.save(activated);
        store.record(step, activated, officer, activated.activatedAt());
        refresh(); // last: once decisions see it, the store and the audit chain already say so
        return activated;
    }

    private ModelMetadata metadata(String name, String version) {
        try {
            ModelId.requireName("model", name);
            ModelId.requireVersion("version", version);
            return registry.load(name, version).metadata();
        } catch (InvalidFactException e) {
            throw new LifecycleException(Code.INVALID_UPLOAD, e.getMessage());
        } catch (NoSuchFileException e) {
            List<String> versions;
            try {
                versions = registry.versions(name);
            } catch (IOException listing) {
                throw new UncheckedIOException(listing);
            }
            throw new LifecycleException(Code.INVALID_UPLOAD, versions.isEmpty()
                    ? "model: '" + name + "' is not accepted; expected the name of a model in the engine's registry"
                    : "version: '" + version + "' is not accepted; expected a registered version of " + name + ": one of "
                    + versions);
        } catch (IOException e) {
            throw new LifecycleException(Code.INVALID_UPLOAD, "model: " + name + " " + version
                    + " could not be read from the registry (" + e.getMessage() + "); expected an intact artifact");
        }
    }

    /** Reads what decisions run, and what runs beside them in shadow, from the store: after every step that moves either. */
    private void refresh() {
        List<ModelCandidate> all = store.all();
        active = all.stream().filter(c -> c.status() == ModelCandidateStatus.ACTIVE).toList();
        shadowed = all.stream().filter(ModelCandidate::inShadow).toList();
    }

    private static String describe(List<ModelCandidate> models) {
        if (models.isEmpty()) {
            return "none is active; risk officers propose, approve and activate one under /v1/models/candidates";
        }
        return "active: " + String.join(", ", models.stream().map(c -> c.model() + " " + c.version() + " for "
                + c.purpose() + (c.role() == RequestedModel.Role.FALLBACK ? " (fallback)" : "")).toList());
    }
}
