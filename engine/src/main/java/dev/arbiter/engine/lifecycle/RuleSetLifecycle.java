package dev.arbiter.engine.lifecycle;

import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.lifecycle.LifecycleException.Code;
import dev.arbiter.engine.lifecycle.LifecycleJournal.Step;
import dev.arbiter.engine.shadow.Challenger;
import dev.arbiter.engine.shadow.ChallengerSource;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleCompilationException;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import dev.arbiter.rules.testing.RuleTestFiles;
import dev.arbiter.rules.testing.RuleTestReport;
import dev.arbiter.rules.testing.RuleTestRunner;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lifecycle of rule releases: upload and check, approve by a second risk officer, activate atomically, roll
 * back to any release that was active before. Steps run one at a time; decisions never wait for them, because
 * activation is a single reference swap in the pipeline. Candidates awaiting approval or approved can be run in shadow
 * of the active release ({@link #challengers()}); any activation ends every shadow, since the champion they were
 * compared with is no longer the one deciding.
 */
public final class RuleSetLifecycle implements ChallengerSource {

    /** Candidates in shadow at most at once: each one re-decides every decision. */
    public static final int MAX_IN_SHADOW = 3;

    private final ReleaseSwitch releases;
    private final CandidateStore store;
    private final LifecycleJournal journal;
    private final ReleaseAnalysis analysis;
    private final ImpactAnalysis impact;
    private final InstantSource clock;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final Map<String, RuleRelease> compiled = new ConcurrentHashMap<>();
    /** The candidates in shadow as challengers, rebuilt after every step that changes them; read after every decision. */
    private volatile List<Challenger> challengers = List.of();

    public RuleSetLifecycle(ReleaseSwitch releases, CandidateStore store, LifecycleJournal journal,
                            ReleaseAnalysis analysis, ImpactAnalysis impact, InstantSource clock) {
        this.releases = releases;
        this.store = store;
        this.journal = journal;
        this.analysis = analysis;
        this.impact = impact;
        this.clock = clock;
    }

    /**
     * Makes sure the store knows the release decisions run on now (the shipped pack on a fresh store), so that
     * later rollbacks can return to it. After a restart, the candidate a risk officer activated last is activated
     * again; when the active one is an earlier shipped pack and the engine now ships another, the new one is
     * recorded and stays active (the old one can still be rolled back to).
     *
     * @param packFiles every file of the pack the pipeline was started with
     */
    public synchronized Candidate bootstrap(Map<String, String> packFiles, String actor) {
        RuleRelease running = releases.active();
        Optional<Candidate> active = store.all().stream().filter(c -> c.status() == CandidateStatus.ACTIVE).findFirst();
        if (active.isPresent()) {
            boolean startedWithAnOlderShippedPack = active.get().author().equals(actor)
                    && !active.get().releaseKey().equals(running.key());
            if (!startedWithAnOlderShippedPack) { // an officer's release stays in force across restarts and upgrades
                releases.activate(release(active.get()), actor);
                refreshChallengers();
                return active.get();
            }
            store.save(active.get().withStatus(CandidateStatus.RETIRED)); // the engine now ships another pack
        }
        CandidateChecks checks = new CandidateChecks(List.of(), List.of(), false, "shipped with the engine", true);
        Candidate shipped = new Candidate(store.nextId(), actor, "the release the engine started with",
                clock.instant(), running.rules().version(), running.limits().version(), running.parameters().version(),
                running.instruments().version(), CandidateStatus.ACTIVE, checks, null, actor, clock.instant(), actor, clock.instant(), packFiles,
                null);
        compiled.put(shipped.id(), running);
        store.save(shipped);
        journal.record(Step.ACTIVATED, shipped, actor, clock.instant());
        refreshChallengers();
        return shipped;
    }

    /**
     * Builds the candidate from the upload and the active release, vets, compiles, analyses and tests it, and,
     * when all of that passes, measures its impact on recent decisions. A candidate that fails its checks is
     * stored too, so the officer can read why.
     */
    public synchronized Candidate upload(PackUpload upload) {
        Candidate activeCandidate = activeCandidate();
        Map<String, String> pack = upload.applyTo(withInstruments(activeCandidate.files()));
        String id = store.nextId();
        CandidateChecks checks;
        RuleRelease release = null;
        ImpactReport impactReport = null;
        LimitSet limits;
        ParameterSet parameters;
        InstrumentSet instruments;
        RuleSet ruleSet;
        try {
            limits = LimitSet.fromJson("limits.json", require(pack, "limits.json"));
            parameters = ParameterSet.fromJson("parameters.json", require(pack, "parameters.json"));
            instruments = InstrumentSet.fromJson(InstrumentSet.FILE, require(pack, InstrumentSet.FILE));
            ruleSet = RuleSet.of(id, drlSources(pack));
        } catch (IllegalArgumentException e) { // a limit that is not a number, a negative tick size, a repeated symbol...
            throw new LifecycleException(Code.INVALID_UPLOAD, e.getMessage());
        }
        try {
            CompiledRuleSet compiled = compiler.compile(ruleSet);
            release = new RuleRelease(compiled, limits, parameters, instruments);
            ReleaseAnalysis.Outcome analysed = analysis.analyse(release, pack);
            RuleTestReport tests = runTests(compiled, limits, parameters, pack);
            checks = new CandidateChecks(List.of(), analysed.findings(), analysed.blocks(), tests.render(),
                    tests.passed());
            if (checks.passed()) {
                impactReport = impact.assess(release);
            }
        } catch (RuleCompilationException e) {
            checks = new CandidateChecks(e.diagnostics(), List.of(), false, "", false);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a malformed test file, or limits the engine cannot run with: the officer must see which and why
            checks = new CandidateChecks(List.of(), List.of(), false, e.getMessage(), false);
        }
        Candidate candidate = new Candidate(id, upload.author(), upload.note(), clock.instant(), ruleSet.version(),
                limits.version(), parameters.version(), instruments.version(),
                checks.passed() ? CandidateStatus.AWAITING_APPROVAL : CandidateStatus.CHECKS_FAILED, checks,
                impactReport, null, null, null, null, pack, null);
        if (release != null) {
            compiled.put(id, release);
        }
        store.save(candidate);
        journal.record(Step.UPLOADED, candidate, upload.author(), candidate.uploadedAt());
        return candidate;
    }

    /** A second risk officer approves a candidate whose checks passed. */
    public synchronized Candidate approve(String candidateId, String officer) {
        Candidate candidate = find(candidateId);
        switch (candidate.status()) {
            case CHECKS_FAILED -> throw new LifecycleException(Code.CHECKS_FAILED, "candidate " + candidateId
                    + " failed its checks and cannot be approved; upload a corrected pack");
            case AWAITING_APPROVAL -> { }
            default -> throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " is "
                    + candidate.status() + "; only a candidate AWAITING_APPROVAL can be approved");
        }
        if (candidate.author().equals(officer)) {
            throw new LifecycleException(Code.SELF_APPROVAL, "candidate " + candidateId + " was uploaded by "
                    + officer + ", who cannot approve it; a second risk officer must");
        }
        Candidate approved = candidate.approved(officer, clock.instant());
        store.save(approved);
        journal.record(Step.APPROVED, approved, officer, approved.approvedAt());
        return approved;
    }

    /** Activates an approved candidate: decisions that start from now on use it; running ones finish as they began. */
    public synchronized Candidate activate(String candidateId, String officer) {
        Candidate candidate = find(candidateId);
        switch (candidate.status()) {
            case APPROVED -> { }
            case AWAITING_APPROVAL, CHECKS_FAILED -> throw new LifecycleException(Code.NOT_APPROVED, "candidate "
                    + candidateId + " is " + candidate.status() + "; it must be approved by a second risk officer "
                    + "before it can be activated");
            case ACTIVE -> throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId
                    + " is already active");
            case RETIRED -> throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId
                    + " was active before; restore it with a rollback");
        }
        return switchTo(candidate, officer, Step.ACTIVATED);
    }

    /** Restores a release that was active before, without a new approval: it was approved when first activated. */
    public synchronized Candidate rollback(String candidateId, String officer) {
        Candidate candidate = find(candidateId);
        if (candidate.status() != CandidateStatus.RETIRED) {
            throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " is " + candidate.status()
                    + "; a rollback restores a RETIRED release, one that was active before");
        }
        return switchTo(candidate, officer, Step.ROLLED_BACK);
    }

    /**
     * Puts a candidate in shadow of the active release: from now on every decision is decided by it too, stored and
     * compared, never acted on. Any risk officer may, its author included, since it acts on nothing.
     */
    public synchronized Candidate startShadow(String candidateId, String officer) {
        Candidate candidate = find(candidateId);
        if (candidate.status() != CandidateStatus.AWAITING_APPROVAL && candidate.status() != CandidateStatus.APPROVED) {
            throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " is " + candidate.status()
                    + "; only a candidate AWAITING_APPROVAL or APPROVED can run in shadow");
        }
        if (candidate.inShadow()) {
            throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " runs in shadow already, since "
                    + candidate.shadow().startedAt() + " (started by " + candidate.shadow().startedBy() + ")");
        }
        List<String> inShadow = store.all().stream().filter(Candidate::inShadow).map(Candidate::id).toList();
        if (inShadow.size() >= MAX_IN_SHADOW) {
            throw new LifecycleException(Code.SHADOW_LIMIT, "candidateId: '" + candidateId + "' cannot run in shadow"
                    + " now; at most " + MAX_IN_SHADOW + " candidates run in shadow at once and " + inShadow
                    + " do; stop one first (POST /v1/rule-sets/{id}/shadow/stop)");
        }
        release(candidate); // compiled before it is a challenger, so the first decision after this does not wait
        Candidate started = candidate.withShadow(new Candidate.Shadow(officer, clock.instant()));
        store.save(started);
        journal.record(Step.SHADOW_STARTED, started, officer, started.shadow().startedAt());
        refreshChallengers();
        return started;
    }

    /** Takes a candidate out of shadow: decisions from now on are not decided by it; its rows stay. */
    public synchronized Candidate stopShadow(String candidateId, String officer) {
        Candidate candidate = find(candidateId);
        if (!candidate.inShadow()) {
            throw new LifecycleException(Code.WRONG_STATE, "candidate " + candidateId + " is not in shadow; "
                    + "only a candidate in shadow can be stopped");
        }
        Candidate stopped = endShadow(candidate, officer);
        refreshChallengers();
        return stopped;
    }

    /** The candidates in shadow now, as challengers of the active release. */
    @Override
    public List<Challenger> challengers() {
        return challengers;
    }

    @Override
    public Optional<String> describe(String challengerId) {
        return all().stream().filter(c -> RuleSetChallenger.idOf(c.id()).equals(challengerId)).findFirst()
                .map(RuleSetChallenger::describe);
    }

    public Candidate find(String candidateId) {
        return store.find(candidateId).orElseThrow(() -> new LifecycleException(Code.UNKNOWN_CANDIDATE,
                "candidateId: '" + candidateId + "' is unknown; expected one of the ids GET /v1/rule-sets lists"));
    }

    public List<Candidate> all() {
        return store.all();
    }

    private Candidate switchTo(Candidate candidate, String officer, Step step) {
        RuleRelease release = release(candidate);
        Candidate previous = activeCandidate();
        for (Candidate inShadow : store.all()) { // the champion they were compared with stops deciding
            if (inShadow.inShadow()) {
                endShadow(inShadow, officer);
            }
        }
        Candidate active = find(candidate.id()).activated(officer, clock.instant());
        store.save(previous.withStatus(CandidateStatus.RETIRED));
        store.save(active);
        journal.record(step, active, officer, active.activatedAt());
        refreshChallengers();
        releases.activate(release, officer); // last: once decisions see it, the store and the journal already say so
        return active;
    }

    private Candidate endShadow(Candidate candidate, String officer) {
        Candidate stopped = candidate.withShadow(null);
        store.save(stopped);
        journal.record(Step.SHADOW_STOPPED, stopped, officer, clock.instant());
        return stopped;
    }

    private void refreshChallengers() {
        challengers = store.all().stream().filter(Candidate::inShadow)
                .<Challenger>map(c -> new RuleSetChallenger(c, release(c))).toList();
    }

    private Candidate activeCandidate() {
        return store.all().stream().filter(c -> c.status() == CandidateStatus.ACTIVE).findFirst()
                .orElseThrow(() -> new IllegalStateException("no active release is recorded; call bootstrap first"));
    }

    /** The compiled release of a candidate, rebuilt from its stored files after a restart. */
    private RuleRelease release(Candidate candidate) {
        Map<String, String> files = withInstruments(candidate.files());
        return compiled.computeIfAbsent(candidate.id(), id -> new RuleRelease(
                compiler.compile(RuleSet.of(id, drlSources(files))),
                LimitSet.fromJson(id, require(files, "limits.json")),
                ParameterSet.fromJson(id, require(files, "parameters.json")),
                InstrumentSet.fromJson(id, require(files, InstrumentSet.FILE))));
    }

    /**
     * A pack stored before instruments belonged to a release has no {@code instruments.json}: it is read with the
     * file the engine ships, and the next candidate built on it records that file, so from then on the instruments
     * change only through the lifecycle. A pack that has the file is returned as it is.
     */
    private static Map<String, String> withInstruments(Map<String, String> pack) {
        if (pack.containsKey(InstrumentSet.FILE)) {
            return pack;
        }
        Map<String, String> completed = new TreeMap<>(pack);
        completed.put(InstrumentSet.FILE, ShippedPack.files().get(InstrumentSet.FILE));
        return completed;
    }

    private static List<RuleSource> drlSources(Map<String, String> pack) {
        List<RuleSource> sources = new ArrayList<>();
        pack.forEach((path, content) -> {
            if (path.endsWith(".drl")) {
                sources.add(new RuleSource(path, content));
            }
        });
        return sources;
    }

    private static String require(Map<String, String> pack, String file) {
        String content = pack.get(file);
        if (content == null) {
            throw new LifecycleException(Code.INVALID_UPLOAD, "files['" + file + "']: missing from the pack and "
                    + "from the active release; expected " + (file.equals(InstrumentSet.FILE)
                    ? "a JSON array of instruments, one object per symbol" : "a JSON object of numbers"));
        }
        return content;
    }

    private RuleTestReport runTests(CompiledRuleSet compiled, LimitSet limits, ParameterSet parameters,
                                    Map<String, String> pack) {
        Map<String, String> yaml = new TreeMap<>();
        pack.forEach((path, content) -> {
            if (path.endsWith(".yaml")) {
                yaml.put(path, content);
            }
        });
        List<Object> reference = new ArrayList<>(limits.facts());
        reference.addAll(parameters.facts());
        return new RuleTestRunner().run(compiled, reference, RuleTestFiles.fromFiles(yaml));
    }
}
