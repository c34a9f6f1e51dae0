using System.Text;

namespace HwGen.Tools;

/// <summary>
/// Builds yosys script text (one command a line) with file names quoted for yosys; the script is
/// written to a file and run with <c>yosys -s</c>, never passed through a shell.
/// </summary>
public sealed class YosysScript
{
    private readonly StringBuilder _text = new();

    /// <summary>Appends one command line, e.g. <c>synth_ice40 -top top</c>.</summary>
    public YosysScript Command(string line)
    {
        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Appends <c>read_verilog -sv</c> for each of <paramref name="sources"/>.</summary>
    public YosysScript ReadSystemVerilog(IEnumerable<string> sources)
    {
        foreach (var source in sources)
            Command($"read_verilog -sv {Quote(source)}");
        return this;
    }

    /// <summary>A file name as a yosys script argument: in double quotes when it holds spaces.</summary>
    /// <exception cref="HwGenException">The name holds a double quote or a line break, which a yosys script cannot carry.</exception>
    public static string Quote(string path)
    {
        if (path.IndexOfAny(['"', '\n', '\r']) >= 0)
            throw new HwGenException($"The file name '{path}' holds a double quote or line break, which a yosys script cannot carry. Rename it.");
        return path.Any(char.IsWhiteSpace) || path.Contains(';', StringComparison.Ordinal) ? $"\"{path}\"" : path;
    }

    /// <summary>The script text.</summary>
    public override string ToString() => _text.ToString();
}
