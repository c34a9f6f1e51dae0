namespace HwGen.Tools;

/// <summary>
/// What to compile into a simulation program: SystemVerilog sources (and Verilator .vlt
/// configuration files), a C++ harness with <c>main</c>, and the top module.
/// </summary>
/// <param name="Sources">SystemVerilog sources in dependency order; .vlt files are passed too.</param>
/// <param name="CppSources">The C++ harness files.</param>
/// <param name="TopModule">The top module's name.</param>
/// <param name="ExecutableName">The program's file name.</param>
/// <param name="ExtraFlags">More Verilator flags (e.g. "--assert"); part of the cache key.</param>
/// <param name="TraceFst">Compile in FST waveform tracing (--trace-fst); the harness opens the trace.</param>
/// <param name="OtherInputs">Files the build reads that are not on the command line (headers, includes); hashed into the cache key only.</param>
public sealed record VerilatorBuildSpec(
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> CppSources,
    string TopModule,
    string ExecutableName = "sim",
    IReadOnlyList<string>? ExtraFlags = null,
    bool TraceFst = false,
    IReadOnlyList<string>? OtherInputs = null);
