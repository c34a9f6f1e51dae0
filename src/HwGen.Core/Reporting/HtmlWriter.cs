using System.Text;
using static System.Net.WebUtility;

namespace HwGen.Reporting;

/// <summary>Minimal XHTML-compatible writer; every text and attribute value is HTML-encoded.</summary>
public sealed class HtmlWriter
{
    private readonly StringBuilder _sb = new();

    /// <summary>Opens an element with encoded attributes (name, value pairs).</summary>
    public HtmlWriter Open(string tag, params string[] attrs)
    {
        _sb.Append('<').Append(tag);
        for (int i = 0; i + 1 < attrs.Length; i += 2)
            _sb.Append(' ').Append(attrs[i]).Append("=\"").Append(HtmlEncode(attrs[i + 1])).Append('"');
        _sb.Append('>');
        return this;
    }

    /// <summary>Closes an element.</summary>
    public HtmlWriter Close(string tag) { _sb.Append("</").Append(tag).Append(">\n"); return this; }

    /// <summary>Writes encoded text.</summary>
    public HtmlWriter Text(string text) { _sb.Append(HtmlEncode(text)); return this; }

    /// <summary>Writes an element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string text, params string[] attrs) => Open(tag, attrs).Text(text).Close(tag);

    /// <summary>Writes trusted markup produced by this library (never data).</summary>
    internal HtmlWriter Raw(string markup) { _sb.Append(markup); return this; }

    /// <inheritdoc/>
    public override string ToString() => _sb.ToString();
}
