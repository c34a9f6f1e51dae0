namespace HwGen;

/// <summary>
/// An error the user can act on: bad input, a missing tool, a failed check. The command line
/// prints its message as one line and exits non-zero, without a stack trace. The message says
/// what went wrong, where, and what to do about it.
/// </summary>
public class HwGenException : Exception
{
    public HwGenException(string message) : base(message) { }

    public HwGenException(string message, Exception inner) : base(message, inner) { }
}
