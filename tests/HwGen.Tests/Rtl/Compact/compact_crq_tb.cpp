// A Verilator testbench for hwgen_crq alone (the compact step's requantizer).
// Usage: compact_crq_tb STIMULUS_FILE IN_WIDTH
// The stimulus file: "count", then per vector a line "v sh" (v a signed value of IN_WIDTH bits, sh the
// shift). Per vector: sh_i in a cycle, v_i the next (sh_i held), q_o read two cycles after v_i.
// Prints per vector its q_o as a signed decimal, one per line.
#include "Vhwgen_crq.h"
#include "verilated.h"
#include "../bench.h"
#include <cstdint>
#include <cstdio>

int main(int argc, char** argv) {
    bench::RqVectors vectors;
    if (!bench::open_rq_vectors(argc, argv, "compact_crq_tb", vectors)) return 2;

    VerilatedContext context;
    Vhwgen_crq dut(&context);
    dut.clk_i = 0;
    dut.v_i = 0;
    dut.sh_i = 0;
    dut.eval();
    for (long k = 0; k < vectors.count; ++k) {
        uint64_t v = 0;
        int sh = 0;
        if (!vectors.next(v, sh)) return 2;
        dut.sh_i = sh;
        dut.eval();
        bench::edge(dut);
        dut.v_i = v;
        dut.eval();
        bench::edge(dut);
        bench::edge(dut);
        std::printf("%d\n", static_cast<int>(static_cast<int16_t>(dut.q_o)));
    }
    return 0;
}
