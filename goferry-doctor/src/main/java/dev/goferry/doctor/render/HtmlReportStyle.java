package dev.goferry.doctor.render;

/**
 * The report's only style sheet, inlined into the page: system fonts (no font file to fetch, CJK
 * text falls back to the platform's fonts), light and dark schemes, and the waterfall's colours.
 */
final class HtmlReportStyle {

    private HtmlReportStyle() {}

    static final String CSS = """
            :root{--bg:#f6f7f9;--card:#fff;--ink:#1d232b;--muted:#5f6b7a;--line:#dfe3e8;--ok:#1a7f37;--warn:#b35900;\
            --fail:#c62828;--skip:#8a94a3;--code:#eef1f4;--dns:#6f42c1;--connect:#0b7285;--proxy:#8250df;\
            --tls:#1f6feb;--wait:#bf8700;--body:#2da44e}
            @media (prefers-color-scheme:dark){:root{--bg:#0f1419;--card:#171d24;--ink:#e6edf3;--muted:#9aa7b4;\
            --line:#2d3640;--code:#222b35}}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",\
            "Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
            main{max-width:980px;margin:0 auto;padding:24px 20px 40px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;\
            border-bottom:1px solid var(--line)}h3{font-size:16px;margin:0 0 6px}h4{font-size:13px;margin:10px 0 4px;\
            color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
            code,pre{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:13px}
            code{background:var(--code);padding:1px 5px;border-radius:4px;word-break:break-all}
            pre{background:var(--code);padding:10px 12px;border-radius:6px;overflow-x:auto;white-space:pre-wrap;\
            word-break:break-all;margin:4px 0}
            .summary{background:var(--card);border-radius:10px;padding:18px 22px;border-left:6px solid var(--skip);\
            box-shadow:0 1px 2px rgba(0,0,0,.06)}
            .summary.ok{border-left-color:var(--ok)}.summary.warn{border-left-color:var(--warn)}\
            .summary.fail{border-left-color:var(--fail)}
            .verdict{font-size:18px;margin:4px 0}.counts{color:var(--muted);margin:0}
            article{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 18px;\
            margin:12px 0;box-shadow:0 1px 2px rgba(0,0,0,.04)}
            article.cause{border-left:5px solid var(--skip)}article.cause.fail{border-left-color:var(--fail)}\
            article.cause.warn{border-left-color:var(--warn)}article.cause.ok{border-left-color:var(--ok)}
            .mark{font-weight:700}.ok .mark,tr.ok td.mark{color:var(--ok)}.warn .mark,tr.warn td.mark{color:var(--warn)}\
            .fail .mark,tr.fail td.mark{color:var(--fail)}.skipped .mark,tr.skipped td.mark{color:var(--skip)}
            .layer{font-size:12px;color:var(--muted);border:1px solid var(--line);border-radius:10px;padding:0 7px;\
            vertical-align:2px}
            .why,.affects,.no-timing{color:var(--muted);margin:2px 0 8px;font-size:14px}.url{word-break:break-all}
            .fixes{margin:4px 0;padding-left:22px}.fixes li{margin:2px 0}
            table{width:100%;border-collapse:collapse;font-size:14px;margin:6px 0;table-layout:fixed}
            .c-mark{width:28px}.c-layer{width:92px}.c-time{width:76px;text-align:right}.c-cause{width:170px}\
            .c-setting{width:130px}.c-source{width:40%}
            th{text-align:left;font-weight:600;color:var(--muted);font-size:12px;border-bottom:1px solid var(--line);\
            padding:4px 6px}
            td{padding:4px 6px;border-bottom:1px solid var(--line);vertical-align:top;word-break:break-word}
            td.mark{width:20px;text-align:center}td.cause code{word-break:normal;white-space:nowrap}td.num{white-space:nowrap;text-align:right}
            tr.skipped td{color:var(--skip)}
            figure{margin:8px 0 10px;overflow-x:auto}
            svg.waterfall{display:block;max-width:100%;height:auto;font:12px system-ui,sans-serif}
            svg .label,svg .time{fill:var(--ink)}svg .tick{fill:var(--muted);font-size:10px}
            svg .grid{stroke:var(--line);stroke-width:1}
            svg .bar{fill:var(--skip)}svg .phase-dns{fill:var(--dns)}svg .phase-connect{fill:var(--connect)}\
            svg .phase-proxy{fill:var(--proxy)}svg .phase-tls{fill:var(--tls)}svg .phase-wait{fill:var(--wait)}\
            svg .phase-body{fill:var(--body)}
            svg .fail .bar{fill:var(--fail)}svg .fail .time{fill:var(--fail)}
            footer{margin-top:30px;color:var(--muted);font-size:12px;text-align:center}
            """;
}
