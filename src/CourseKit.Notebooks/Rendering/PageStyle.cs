namespace CourseKit.Notebooks.Rendering;

/// <summary>The stylesheet of notebook pages: readable measure, light code blocks (the tok-* classes are CSharpHtml's), quiet outputs.</summary>
public static class PageStyle
{
    public const string Css = """
        body { margin: 0; background: #f6f7f9; color: #1f2328; font: 16px/1.6 "Segoe UI", "DejaVu Sans", Arial, sans-serif; }
        main.notebook { max-width: 980px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; min-height: 100vh; box-sizing: border-box; }
        h1, h2, h3 { line-height: 1.25; margin: 1.4em 0 .5em; }
        h1 { font-size: 2em; border-bottom: 1px solid #d8dee4; padding-bottom: .3em; }
        section { margin: 0 0 12px; }
        table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
        th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; vertical-align: top; }
        th { background: #f0f3f6; }
        blockquote { margin: 8px 0; padding: 0 14px; color: #57606a; border-left: 4px solid #d0d7de; }
        code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 90%; background: #f0f3f6; padding: 1px 4px; border-radius: 4px; }
        pre { overflow-x: auto; }
        pre.code { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 6px; padding: 10px 12px; margin: 0; }
        pre.code code { background: none; padding: 0; font-size: 14px; }
        .prompt { font: 12px monospace; color: #8c959f; margin-bottom: 2px; }
        .output { margin: 6px 0 0; }
        pre.output { background: #fff; border-left: 3px solid #d0d7de; padding: 6px 12px; font-size: 14px; white-space: pre-wrap; }
        pre.output.error, pre.output.stderr { border-left-color: #cf222e; background: #fff5f5; color: #82071e; }
        .output.chart { width: 100%; min-height: 420px; }
        .output.html { overflow-x: auto; }
        .tok-keyword { color: #0000c8; } .tok-string { color: #a31515; } .tok-comment { color: #008000; font-style: italic; }
        .tok-number { color: #098658; } .tok-directive { color: #6f42c1; } .tok-type { color: #267f99; } .tok-method { color: #795e26; }
        section.mermaid pre.mermaid { margin: 8px 0; background: none; text-align: center; }

        """;
}
