/// The report's style sheet: legal-redline colours (insertions blue and underlined, deletions red
/// and struck through, moves green, double-underlined where they landed and double-struck where
/// they left), a reading column for the texts, and print rules (no navigation, colours kept,
/// clauses not split across pages). On a narrow screen (a phone) the charts keep a legible size
/// and scroll sideways rather than shrink their text, and the table of revisions stacks each
/// revision's cells under their headings.
enum ReportStyle {
    static let css = """
        :root{--ins:#0b57d0;--ins-bg:#e8f0fe;--del:#b3261e;--del-bg:#fce8e6;--move:#137333;--move-bg:#e6f4ea;--ink:#1f1f1f;--muted:#5f6368;--rule:#dadce0}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0 auto;max-width:62rem;padding:1.5rem 1.25rem 3rem;color:var(--ink);background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif}
        header{border-bottom:3px solid var(--ink);padding-bottom:.75rem;margin-bottom:1rem}
        .kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;font-weight:600}
        h1{font:600 1.7rem/1.25 Georgia,"Times New Roman",serif;margin:.25rem 0 .5rem}
        h2{font-size:1.25rem;margin:2.25rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--rule)}
        h3{font-size:1.05rem;margin:0 0 .25rem}
        h3 small{font-weight:400;color:var(--muted);font-size:.85rem}
        .lede{margin:.25rem 0 .75rem;color:#3c4043}
        nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem}
        a{color:#1a56b8;text-decoration:none}
        a:hover{text-decoration:underline}
        figure{margin:0 0 .5rem}
        figure svg{display:block;width:100%;height:auto;max-width:100%}
        figcaption{color:var(--muted);font-size:.85rem;margin:.25rem 0 0}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0;font-variant-numeric:tabular-nums}
        td.changes{white-space:normal;min-width:10rem}
        th.wrap{white-space:normal}
        table.revisions th,table.revisions td{padding:.3rem .4rem}
        td.line{white-space:normal;min-width:8rem;max-width:10rem;color:var(--muted);font-size:.8rem}
        th,td{padding:.3rem .55rem;border-bottom:1px solid var(--rule);text-align:left;white-space:nowrap}
        thead th{border-bottom:2px solid var(--ink);font-weight:600}
        .n{text-align:right}
        caption{text-align:left;font-weight:600;padding:.25rem 0}
        .swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-1px;margin-right:.35rem}
        details.numbers{margin:0 0 1.5rem;font-size:.9rem}
        summary{cursor:pointer;color:#1a56b8}
        .legend{color:var(--muted);font-size:.9rem}
        ins{color:var(--ins);background:var(--ins-bg);text-decoration:underline;text-decoration-thickness:1.5px;text-underline-offset:2px}
        del{color:var(--del);background:var(--del-bg);text-decoration:line-through;text-decoration-thickness:1.5px}
        .moved-sample,.k-moved>.text{text-decoration:underline double var(--move);text-underline-offset:3px}
        .moved-sample{color:var(--move)}
        .moved-text{color:var(--move);text-decoration:line-through double var(--move)}
        article.revision{margin:1.75rem 0 0;padding-top:.25rem}
        .against{margin:.1rem 0 .6rem;color:var(--muted);font-size:.9rem}
        .clause{margin:0 0 .55rem;padding:.35rem .75rem .4rem;border-left:4px solid var(--rule);background:#fafafa;break-inside:avoid}
        .clause .text{margin:.15rem 0 0;font:1rem/1.55 Georgia,"Times New Roman",serif}
        .k-modified,.k-split,.k-merged{border-left-color:#f29900}
        .k-inserted,.k-restored{border-left-color:var(--ins);background:#f6f9ff}
        .k-deleted{border-left-color:var(--del);background:#fff8f7}
        .k-moved,.k-moved-away{border-left-color:var(--move);background:#f5fbf6}
        .meta{font-size:.78rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
        .addr{font-weight:700;color:var(--ink);font-variant-numeric:tabular-nums}
        .kind{text-transform:uppercase;letter-spacing:.05em;font-weight:600}
        .k-inserted .kind,.k-restored .kind{color:var(--ins)}
        .k-deleted .kind{color:var(--del)}
        .k-moved .kind,.k-moved-away .kind{color:var(--move)}
        .k-modified .kind,.k-split .kind,.k-merged .kind{color:#b06000}
        .cid{margin-left:auto;font-family:ui-monospace,Menlo,Consolas,monospace}
        details.unchanged{margin:0 0 .55rem;border-left:4px solid var(--rule);padding:.25rem .75rem;font-size:.9rem}
        details.unchanged>summary{color:var(--muted)}
        details.unchanged[open]>summary{margin-bottom:.4rem}
        details.unchanged .clause{border-left:0;padding-left:0;background:none}
        .document{font:1rem/1.6 Georgia,"Times New Roman",serif}
        .document h2,.document .legend{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif}
        .head-note{font:.9rem/1.4 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--muted);margin:.25rem 0}
        .doc-title{font-weight:700;text-align:center;margin:1rem 2rem}
        .formula{margin:.5rem 0}
        .para{position:relative;margin:0 0 .6rem}
        .para p{margin:0}
        .para.preambular p{text-indent:2.5rem}
        .para.operative p{text-indent:2.5rem}
        .para.subparagraph{margin-left:3.5rem}
        .num{display:inline-block;min-width:1.8rem;text-indent:0;font-variant-numeric:tabular-nums}
        .document .para{padding-left:3.6rem}
        .cite{position:absolute;left:0;top:.2rem;font:600 .72rem/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--muted);font-variant-numeric:tabular-nums}
        a.addr{color:var(--ink)}
        .para:target,.clause:target{outline:2px solid #f29900;outline-offset:3px;background:#fff8e1}
        .editorial{font-style:italic}
        .tags{float:right;margin:0 0 .2rem .75rem;font:600 .7rem/1.6 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;display:flex;gap:.3rem}
        .tag{padding:0 .4rem 0 .3rem;border-radius:3px;white-space:nowrap;color:#202124;display:inline-flex;align-items:center;gap:.3rem}
        .tag::before{content:"";width:.55rem;height:.55rem;border-radius:50%;display:inline-block}
        .words .para span[title]{border-radius:2px;padding:.05rem 0;box-decoration-break:clone;-webkit-box-decoration-break:clone}
        .key{display:inline-block;padding:0 .45rem;margin:0 .2rem;border-radius:3px;color:#202124;font-weight:600}
        .footnotes{font-size:.85rem;padding-left:0;list-style:none;border-top:1px solid var(--rule);padding-top:.5rem}
        footer{margin-top:3rem;padding-top:.75rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.8rem}
        @media (max-width:40rem){
          .tags{float:none}.cid{margin-left:0}
          figure.wide{overflow-x:auto}
          figure.wide svg.chart{width:720px;max-width:none}
          figure.wide figcaption{position:sticky;left:0;max-width:calc(100vw - 2.5rem)}
          .para.preambular p,.para.operative p{text-indent:0}
          .para.subparagraph{margin-left:1rem}
          table.revisions thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
          table.revisions,table.revisions tbody{display:block;width:100%}
          table.revisions tr{display:grid;grid-template-columns:1fr 1fr;border-bottom:2px solid var(--rule);padding:.35rem 0}
          table.revisions th,table.revisions td{display:block;border:0;padding:.05rem .25rem;white-space:normal;text-align:left;max-width:none;min-width:0}
          table.revisions th,table.revisions td.changes,table.revisions td.line{grid-column:1 / -1}
          table.revisions td::before{content:attr(data-label) " ";color:var(--muted);font-size:.78rem}
        }
        @media print{
          body{max-width:none;padding:0;font-size:10.5pt}
          nav,details.numbers{display:none}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
          h2{break-after:avoid}
          article.revision,section{break-inside:auto}
          .clause,.para,figure{break-inside:avoid}
          a{color:inherit}
        }
        """
}
