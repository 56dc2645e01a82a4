using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace CourseKit.Notebooks.Rendering;

/// <summary>
/// A Liquid page template (Fluid) in which every <c>{{ value }}</c> is HTML-encoded, attributes included;
/// only <see cref="TrustedHtml"/> values are written as they are.
/// </summary>
public sealed class HtmlTemplate
{
    private static readonly FluidParser Parser = new();

    // Encodes what HTML needs (<, >, &, quotes) but keeps letters of every script readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IFluidTemplate _template;
    private readonly TemplateOptions _options = new();

    private HtmlTemplate(string source, string name, Type[] modelTypes)
    {
        if (!Parser.TryParse(source, out _template, out var error))
            throw new InvalidOperationException($"Template {name} does not parse: {error}");
        foreach (var type in modelTypes) _options.MemberAccessStrategy.Register(type);
        _options.ValueConverters.Add(value => value is TrustedHtml trusted ? new StringValue(trusted.Html, encode: false) : null);
    }

    /// <summary>The template embedded in <paramref name="assembly"/> as <paramref name="resource"/>; the model's types must be listed.</summary>
    public static HtmlTemplate FromResource(Assembly assembly, string resource, params Type[] modelTypes)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no resource '{resource}'.");
        using var reader = new StreamReader(stream);
        return new HtmlTemplate(reader.ReadToEnd(), resource, modelTypes);
    }

    public string Render(object model)
    {
        var context = new TemplateContext(model, _options);
        return _template.Render(context, Encoder);
    }
}
