package dev.arbiter.engine.report;

/** The one stylesheet every report inlines, so a saved page renders the same anywhere, offline. */
final class ReportStyle {

    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;\
            color:#1b1f24;padding:0 1rem}
            h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;border-bottom:1px solid #d0d7de;\
            padding-bottom:.2rem;margin-top:2rem}h3{font-size:1rem;margin-bottom:.3rem}
            table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}th,td{border:1px solid #d0d7de;\
            padding:.25rem .45rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
            table.kv th{width:14rem}.empty{color:#57606a;font-style:italic}
            ul.facts{margin:0;padding-left:1rem}ul.facts .text{font-family:ui-monospace,Menlo,Consolas,monospace;\
            font-size:.9em;color:#57606a}
            .status{display:inline-block;padding:.1rem .55rem;border-radius:.8rem;font-weight:600;color:#fff}
            .APPROVED{background:#1a7f37}.REJECTED{background:#cf222e}.HALTED{background:#9a6700}
            .BLOCKED{background:#82071e}.NO_PROPOSALS{background:#57606a}
            code,.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;word-break:break-all}
            footer{margin-top:2.5rem;color:#57606a;font-size:.85em}
            """;

    private ReportStyle() {
    }
}
