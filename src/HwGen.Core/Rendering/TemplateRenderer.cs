using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;
using HandlebarsDotNet.IO;
using HandlebarsDotNet.Runtime;

namespace HwGen.Rendering;

/// <summary>
/// Renders Handlebars templates (Handlebars.Net) for source code, not HTML: nothing is escaped, a
/// name the view model lacks is an error naming the template and line, and a boolean is never
/// printed (Verilog has no "True"; the view model supplies the text). Every width, bound and name
/// is computed in the C# view model; templates only substitute and iterate. No helpers are registered.
/// Files of the folder named <c>_NAME.*.hbs</c> are partials, used as <c>{{&gt; NAME}}</c>.
/// </summary>
public sealed partial class TemplateRenderer
{
    private readonly IHandlebars _handlebars;
    private readonly List<(string Display, string Text)> _partials = [];
    private readonly ConcurrentDictionary<string, (string Text, HandlebarsTemplate<object, object> Template)> _compiled = new(StringComparer.Ordinal);

    /// <param name="folder">The folder templates are read from.</param>
    /// <param name="displayName">How the folder is named in messages, e.g. "hdl-templates"; its own name when null.</param>
    public TemplateRenderer(string folder, string? displayName = null)
    {
        Folder = Path.GetFullPath(folder);
        DisplayName = displayName ?? Path.GetFileName(Folder.TrimEnd(Path.DirectorySeparatorChar));
        _handlebars = CreateEnvironment();
        if (Directory.Exists(Folder))
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "_*.hbs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file)[1..].Split('.')[0];
                var display = $"{DisplayName}/{Path.GetRelativePath(Folder, file).Replace('\\', '/')}";
                var text = File.ReadAllText(file);
                Compile(_handlebars, display, text);
                _handlebars.RegisterTemplate(name, text);
                _partials.Add((display, text));
            }
        }
    }

    /// <summary>A renderer over a shipped template folder (see <see cref="TemplateFolders"/>).</summary>
    public static TemplateRenderer ForShipped(string folderName) => new(TemplateFolders.Find(folderName), folderName);

    /// <summary>The folder templates are read from.</summary>
    public string Folder { get; }

    /// <summary>How the folder is named in messages.</summary>
    public string DisplayName { get; }

    /// <summary>Renders the template file <paramref name="templateName"/> (relative to <see cref="Folder"/>) with <paramref name="model"/>.</summary>
    /// <exception cref="HwGenException">The template is missing or malformed, or names something the model does not have.</exception>
    public string Render(string templateName, object model)
    {
        var display = $"{DisplayName}/{templateName.Replace('\\', '/')}";
        var (text, template) = _compiled.GetOrAdd(templateName, name =>
        {
            var path = Path.Combine(Folder, name);
            if (!File.Exists(path))
                throw new HwGenException($"Template {display} does not exist in {Folder}.");
            var source = File.ReadAllText(path);
            return (source, Compile(_handlebars, display, source));
        });
        return Invoke([(display, text), .. _partials], template, model);
    }

    /// <summary>Renders template text held in memory; <paramref name="templateName"/> names it in messages.</summary>
    public static string RenderText(string templateName, string templateText, object model)
    {
        var handlebars = CreateEnvironment();
        return Invoke([(templateName, templateText)], Compile(handlebars, templateName, templateText), model);
    }

    private static IHandlebars CreateEnvironment()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            NoEscape = true,
            FormatProvider = CultureInfo.InvariantCulture,
        });
        handlebars.Configuration.FormatterProviders.Add(new BooleanRefusal());
        return handlebars;
    }

    private static HandlebarsTemplate<object, object> Compile(IHandlebars handlebars, string display, string text)
    {
        try
        {
            return handlebars.Compile(text);
        }
        catch (HandlebarsException e)
        {
            throw new HwGenException($"Template {display}: {FirstLine(e.Message)}{Position(e.Message)}. Fix the template.", e);
        }
    }

    // sources: the template first, then the partials it may use; where an unknown name is looked for.
    private static string Invoke(IReadOnlyList<(string Display, string Text)> sources, HandlebarsTemplate<object, object> template, object model)
    {
        var display = sources[0].Display;
        try
        {
            return template(model);
        }
        catch (Exception e) when (Innermost<HandlebarsUndefinedBindingException>(e) is { } undefined)
        {
            var where = display;
            foreach (var source in sources)
            {
                if (LineOf(source.Text, undefined.Path) is { } line)
                {
                    where = $"{source.Display} line {line}";
                    break;
                }
            }
            throw new HwGenException(
                $"Template {where}: '{undefined.Path}' is not defined by the view model {model.GetType().Name}. Add it to the view model or fix the template.", e);
        }
        catch (Exception e) when (Innermost<BooleanRenderedException>(e) is { } boolean)
        {
            throw new HwGenException($"Template {display}: {boolean.Message}", e);
        }
        catch (HandlebarsException e)
        {
            throw new HwGenException($"Template {display}: {FirstLine(e.Message)}. Fix the template.", e);
        }
    }

    /// <summary>The deepest exception of type <typeparamref name="T"/> in <paramref name="e"/>'s inner chain (partials wrap their errors).</summary>
    private static T? Innermost<T>(Exception e) where T : Exception
    {
        T? found = null;
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T match)
                found = match;
        }
        return found;
    }

    /// <summary>The 1-based line of the first {{...}} that mentions <paramref name="path"/>, or null.</summary>
    private static int? LineOf(string text, string path)
    {
        var pattern = new Regex(@"\{\{[^}]*(?<![\w.@/])" + Regex.Escape(path) + @"(?![\w])");
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (pattern.IsMatch(lines[i]))
                return i + 1;
        }
        return null;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim().TrimEnd('.', ':');

    /// <summary>Handlebars.Net ends parse errors with "Occured at: LINE:COLUMN" (0-based); as " at line L, column C".</summary>
    private static string Position(string message)
    {
        var m = OccurredAt().Match(message);
        return m.Success
            ? $" at line {int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1}, column {int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1}"
            : "";
    }

    [GeneratedRegex(@"Occured at: ?(\d+):(\d+)")]
    private static partial Regex OccurredAt();

    private sealed class BooleanRenderedException(string message) : Exception(message);

    /// <summary>Refuses to print a boolean: "True" is never valid Verilog, C++ or Tcl.</summary>
    private sealed class BooleanRefusal : IFormatterProvider, IFormatter
    {
        public bool TryCreateFormatter(Type type, [NotNullWhen(true)] out IFormatter? formatter)
        {
            formatter = type == typeof(bool) ? this : null;
            return formatter is not null;
        }

        public void Format<T>(T value, in EncodedTextWriter writer) =>
            throw new BooleanRenderedException($"a boolean ({value}) was printed; booleans only steer {{{{#if}}}}. Give the view model a string such as \"1'b1\".");
    }
}
