using System.Text.Json;
using Microsoft.Playwright;

namespace CourseKit.Tests.Support;

/// <summary>A text element drawn (partly) outside its plot container.</summary>
public sealed record ClippedText(string Text, double Left, double Top, double Right, double Bottom, double BoxRight, double BoxBottom)
{
    public override string ToString() =>
        $"'{Text}' at [{Left:0.#},{Top:0.#}]–[{Right:0.#},{Bottom:0.#}] outside container ending at [{BoxRight:0.#},{BoxBottom:0.#}]";
}

/// <summary>
/// Headless Chromium through Playwright for checking local HTML pages offline. It never downloads a
/// browser: it starts the system Chromium (<c>/usr/bin/chromium</c>, or <c>COURSEKIT_CHROMIUM</c>) and
/// aborts every request that is not for a <c>file:</c> URL, recording what it blocked.
/// </summary>
public sealed class HeadlessBrowser : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>The Chromium executable used.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("COURSEKIT_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    public static async Task<HeadlessBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"No Chromium at {ChromiumPath}. Install it (apt-get install -y chromium) or set COURSEKIT_CHROMIUM.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new HeadlessBrowser(playwright, browser);
    }

    /// <summary>
    /// Opens a local HTML file with the network cut off and waits for <paramref name="waitForSelector"/>.
    /// </summary>
    public async Task<LoadedPage> OpenFileAsync(string htmlPath, string waitForSelector, int viewportWidth = 1000)
    {
        var url = new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri;
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = viewportWidth, Height = 800 },
        });
        var loaded = new LoadedPage(page);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (loaded.BlockedRequests) loaded.BlockedRequests.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (loaded.Errors) loaded.Errors.Add(message.Text);
        };
        page.PageError += (_, error) =>
        {
            lock (loaded.Errors) loaded.Errors.Add(error);
        };
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync(waitForSelector, new PageWaitForSelectorOptions { Timeout = 30_000 });
        return loaded;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}

/// <summary>An open page and what happened while it loaded.</summary>
public sealed class LoadedPage(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>Requests aborted because they were not for a local file.</summary>
    public List<string> BlockedRequests { get; } = [];

    /// <summary>Console errors and uncaught exceptions.</summary>
    public List<string> Errors { get; } = [];

    public Task<int> CountAsync(string selector) => Page.Locator(selector).CountAsync();

    /// <summary>Saves a PNG of the whole page.</summary>
    public async Task ScreenshotAsync(string pngPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = pngPath, FullPage = true });
    }

    /// <summary>Saves a PNG of the <paramref name="index"/>-th element matching <paramref name="selector"/>.</summary>
    public async Task ScreenshotElementAsync(string selector, int index, string pngPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
        await Page.Locator(selector).Nth(index).ScreenshotAsync(new LocatorScreenshotOptions { Path = pngPath });
    }

    /// <summary>
    /// Every visible SVG <c>text</c> with content whose box is not inside both the element matching
    /// <paramref name="containerSelector"/> that holds it and the outermost <c>svg</c> it is drawn in
    /// (an svg clips what falls outside it), allowing <paramref name="tolerance"/> pixels.
    /// </summary>
    public async Task<IReadOnlyList<ClippedText>> TextOutsideContainersAsync(string containerSelector, double tolerance = 1)
    {
        const string script = """
            ([selector, tolerance]) => {
              const out = [];
              for (const container of document.querySelectorAll(selector)) {
                const outer = container.getBoundingClientRect();
                for (const text of container.querySelectorAll('svg text')) {
                  let svg = text.ownerSVGElement;
                  while (svg && svg.ownerSVGElement) svg = svg.ownerSVGElement;
                  const drawn = svg ? svg.getBoundingClientRect() : outer;
                  const box = {
                    left: Math.max(outer.left, drawn.left), top: Math.max(outer.top, drawn.top),
                    right: Math.min(outer.right, drawn.right), bottom: Math.min(outer.bottom, drawn.bottom) };
                  const content = (text.textContent || '').trim();
                  if (!content) continue;
                  const style = getComputedStyle(text);
                  if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') continue;
                  const r = text.getBoundingClientRect();
                  if (r.width === 0 && r.height === 0) continue;
                  if (r.left < box.left - tolerance || r.top < box.top - tolerance ||
                      r.right > box.right + tolerance || r.bottom > box.bottom + tolerance) {
                    out.push({ text: content, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                               boxRight: box.right, boxBottom: box.bottom });
                  }
                }
              }
              return JSON.stringify(out);
            }
            """;
        var json = await Page.EvaluateAsync<string>(script, new object[] { containerSelector, tolerance });
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => new ClippedText(
            e.GetProperty("text").GetString()!,
            e.GetProperty("left").GetDouble(), e.GetProperty("top").GetDouble(),
            e.GetProperty("right").GetDouble(), e.GetProperty("bottom").GetDouble(),
            e.GetProperty("boxRight").GetDouble(), e.GetProperty("boxBottom").GetDouble())).ToList();
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
