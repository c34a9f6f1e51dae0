namespace HwGen.Rendering;

/// <summary>
/// Finds the template folders shipped with the program (<c>hdl-templates/</c>, <c>sim/</c>): next
/// to the program (<see cref="AppContext.BaseDirectory"/>), or under the folder named by
/// <c>HWGEN_TEMPLATES</c> when it is set, so that a developer can edit templates in a checkout
/// without rebuilding.
/// </summary>
public static class TemplateFolders
{
    /// <summary>The variable that overrides where template folders are found.</summary>
    public const string OverrideVariable = "HWGEN_TEMPLATES";

    /// <summary>The RTL templates.</summary>
    public const string Hdl = "hdl-templates";

    /// <summary>The simulation harness templates.</summary>
    public const string Sim = "sim";

    /// <summary>The absolute path of the shipped folder <paramref name="name"/>.</summary>
    /// <exception cref="HwGenException">The folder is not there.</exception>
    public static string Find(string name, Func<string, string?>? environment = null)
    {
        var root = (environment ?? Environment.GetEnvironmentVariable)(OverrideVariable);
        if (!string.IsNullOrEmpty(root))
        {
            var overridden = Path.GetFullPath(Path.Combine(root, name));
            if (!Directory.Exists(overridden))
                throw new HwGenException($"{OverrideVariable} is '{root}' but it holds no '{name}' folder. Point it at the HwGen source tree (the folder with {name}/) or unset it.");
            return overridden;
        }
        var shipped = Path.Combine(AppContext.BaseDirectory, name);
        if (!Directory.Exists(shipped))
            throw new HwGenException($"The template folder '{name}' is missing next to the program ({AppContext.BaseDirectory}). Reinstall HwGen, or set {OverrideVariable} to the source tree.");
        return shipped;
    }
}
