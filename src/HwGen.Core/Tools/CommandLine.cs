using System.Text;

namespace HwGen.Tools;

/// <summary>
/// Formats a program and its arguments as one line for logs and error messages, quoted the way a
/// POSIX shell would need it so that a person can paste it. Only for display: processes are always
/// started with argument lists, never through a shell.
/// </summary>
public static class CommandLine
{
    /// <summary>The program and its arguments, each quoted when needed, separated by spaces.</summary>
    public static string Format(string program, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { program }.Concat(arguments).Select(Quote));

    /// <summary>
    /// <paramref name="argument"/> unchanged when it holds only characters a shell leaves alone;
    /// otherwise in single quotes, with each single quote written as <c>'\''</c>. Empty gives <c>''</c>.
    /// </summary>
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(IsPlain))
            return argument;
        var quoted = new StringBuilder("'");
        foreach (var c in argument)
            quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        return quoted.Append('\'').ToString();
    }

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '=' or ':' or '+' or ',' or '@' or '%';
}
