namespace HwGen.Fpga;

/// <summary>The synthesised design needs more of a resource than the device has; carries every resource's count.</summary>
public sealed class DesignDoesNotFitException : HwGenException
{
    /// <param name="message">The one-line error.</param>
    /// <param name="resources">Every resource of the device with what the netlist uses (yosys counts).</param>
    public DesignDoesNotFitException(string message, IReadOnlyList<ResourceUse> resources) : base(message) => Resources = resources;

    /// <summary>Every resource of the device with what the netlist uses.</summary>
    public IReadOnlyList<ResourceUse> Resources { get; }

    /// <summary>The exception, or one of its inner exceptions, that says the design does not fit; null when none does.</summary>
    public static DesignDoesNotFitException? In(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DesignDoesNotFitException fit)
                return fit;
        }
        return null;
    }
}
