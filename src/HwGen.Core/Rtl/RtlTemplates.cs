using System.Reflection;
using HandlebarsDotNet;

namespace HwGen.Rtl;

/// <summary>
/// The one seam between the RTL generator and the template engine: renders the templates of
/// <c>hdl-templates/</c> (embedded in this assembly) strictly, with no HTML escaping, so that an
/// unknown name is an error that names the template.
/// </summary>
internal sealed class RtlTemplates
{
    private const string Prefix = "hdl-templates/";
    private readonly IHandlebars _handlebars;
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _compiled = new(StringComparer.Ordinal);

    public RtlTemplates()
    {
        _handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            NoEscape = true,
        });
    }

    /// <summary>Renders template <paramref name="name"/> (e.g. <c>hwgen_rom.sv.hbs</c>) with <paramref name="model"/>.</summary>
    public string Render(string name, object model)
    {
        if (!_compiled.TryGetValue(name, out var template))
        {
            template = _handlebars.Compile(Load(name));
            _compiled[name] = template;
        }
        try
        {
            return template(model);
        }
        catch (HandlebarsException e)
        {
            throw new InvalidOperationException($"template {Prefix}{name}: {e.Message}", e);
        }
    }

    private static string Load(string name)
    {
        var assembly = typeof(RtlTemplates).Assembly;
        using var stream = assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"template {Prefix}{name} is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
