using HwGen.Rendering;
using HwGen.Tools;

namespace HwGen.Tests.Tools;

/// <summary>Tiny designs for the real-tool tests, and the build cache all of them share.</summary>
internal static class ToolTestFiles
{
    /// <summary>One Verilator build cache for the whole test run, so tests reuse each other's builds.</summary>
    public static string SharedCache => Path.Combine(Path.GetTempPath(), "hwgen-tests", "verilator-cache");

    /// <summary>The header the module testbenches share (tests/HwGen.Tests/Rtl/bench.h): list it in their build specs' OtherInputs.</summary>
    public static string BenchHeader => Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "bench.h");

    /// <summary>
    /// An 8-bit accumulator that adds the steps of a 4-word ROM (loaded by $readmemh from a
    /// stamped counter.mem: 03 05 07 09) in turn: after 5 cycles it has printed 3, 8, 15, 24, 27.
    /// </summary>
    public const string CounterSv = """
        module counter (
          input  logic       clk_i,
          input  logic       rst_ni,
          output logic [7:0] count_o
        );
          logic [7:0] step_mem [4];
          initial $readmemh("counter.mem", step_mem);

          logic [1:0] idx_d, idx_q;
          logic [7:0] count_d, count_q;

          always_comb begin
            idx_d   = idx_q + 2'd1;
            count_d = count_q + step_mem[idx_q];
          end

          always_ff @(posedge clk_i) begin
            if (!rst_ni) begin
              idx_q   <= 2'd0;
              count_q <= 8'd0;
            end else begin
              idx_q   <= idx_d;
              count_q <= count_d;
            end
          end

          assign count_o = count_q;
        endmodule
        """;

    /// <summary>Resets, runs N cycles (argument, default 5) printing the count; "spin" never ends, "fail" exits 3.</summary>
    public const string HarnessCpp = """
        #include "Vcounter.h"
        #include "verilated.h"
        #include <cstdio>
        #include <cstdlib>
        #include <cstring>

        int main(int argc, char** argv) {
          if (argc > 1 && std::strcmp(argv[1], "spin") == 0) {
            volatile bool forever = true;
            while (forever) {}
          }
          if (argc > 1 && std::strcmp(argv[1], "fail") == 0) {
            std::fprintf(stderr, "watchdog 0 100\n");
            return 3;
          }
          const int cycles = argc > 1 ? std::atoi(argv[1]) : 5;
          VerilatedContext context;
          Vcounter top{&context};
          top.clk_i = 0;
          top.rst_ni = 0;
          top.eval();
          top.clk_i = 1;
          top.eval();
          top.rst_ni = 1;
          for (int i = 0; i < cycles; ++i) {
            top.clk_i = 0;
            top.eval();
            top.clk_i = 1;
            top.eval();
            std::printf("count %d\n", static_cast<int>(top.count_o));
          }
          top.final();
          return 0;
        }
        """;

    /// <summary>A syntax error on line 9 (the semicolon missing on line 8 is noticed at endmodule, column 1).</summary>
    public const string BrokenSv = """
        module broken (
          input  logic       clk_i,
          input  logic [7:0] a_i,
          output logic [3:0] y_o
        );
          logic unused;
          assign y_o = a_i[3:0];
          assign unused = 1'b0
        endmodule
        """;

    /// <summary>Lints with three warnings: WIDTH at 6:14, clk_i unused (2:22), a_i[7:4] unused (3:22).</summary>
    public const string WarnSv = """
        module warn (
          input  logic       clk_i,
          input  logic [7:0] a_i,
          output logic [3:0] y_o
        );
          assign y_o = a_i;
        endmodule
        """;

    /// <summary>The counter design, harness and ROM image written (stamped, by a build plan) to a fresh folder.</summary>
    public static string WriteCounter(string name)
    {
        var plan = new BuildPlan("test-model")
            .AddText("counter.sv", CounterSv)
            .AddText("harness.cpp", HarnessCpp)
            .AddText("counter.mem", "03\n05\n07\n09\n");
        return plan.WriteAtomically(Path.Combine(TestPaths.NewTempDir(name), "design"));
    }

    public static string WriteFile(string name, string fileName, string text)
    {
        var path = Path.Combine(TestPaths.NewTempDir(name), fileName);
        File.WriteAllText(path, text + "\n");
        return path;
    }

    public static VerilatorBuildSpec CounterSpec(string dir) =>
        new([Path.Combine(dir, "counter.sv")], [Path.Combine(dir, "harness.cpp")], "counter", "counter_sim");
}
